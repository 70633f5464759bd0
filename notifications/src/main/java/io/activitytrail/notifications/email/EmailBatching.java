package io.activitytrail.notifications.email;

import io.activitytrail.event.Notification;
import io.activitytrail.notifications.Reason;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When a recipient's email notifications go out, and together with which (pure; docs/
 * notifications.md):
 *
 * <ul>
 *   <li>An assignment to the recipient, and an alert, go out at once, on their own.
 *   <li>Everything else waits until the recipient's notifications have been quiet for {@code
 *       quietPeriod}, but never longer than {@code maxDelay} after the oldest waiting one; then all
 *       waiting go out as one email, in commit order: a burst on one record is one email, a bulk
 *       edit across hundreds of records one digest.
 *   <li>At most {@code hourlyCap} emails per recipient per hour: beyond it, notifications keep
 *       waiting and go out as one digest when the hour allows.
 * </ul>
 */
public final class EmailBatching implements Serializable {

  private static final long HOUR = Duration.ofHours(1).toMillis();

  /** Commit order: commit time, then the WAL position and the place in the transaction. */
  static final Comparator<Notification> COMMIT_ORDER =
      Comparator.comparing((Notification n) -> n.getActivity().getOccurredAt())
          .thenComparing(
              n -> n.getActivity().getSource().getLsn(),
              Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(
              n -> n.getActivity().getSource().getTxOrder(),
              Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(n -> n.getActivity().getEventId());

  private final long quietMillis;
  private final long maxDelayMillis;
  private final int hourlyCap;

  public EmailBatching(Duration quietPeriod, Duration maxDelay, int hourlyCap) {
    if (quietPeriod.isNegative() || maxDelay.compareTo(quietPeriod) < 0 || hourlyCap < 1) {
      throw new IllegalArgumentException(
          "need 0 <= quiet period <= max delay and an hourly cap of at least 1, got "
              + quietPeriod
              + ", "
              + maxDelay
              + ", "
              + hourlyCap);
    }
    this.quietMillis = quietPeriod.toMillis();
    this.maxDelayMillis = maxDelay.toMillis();
    this.hourlyCap = hourlyCap;
  }

  /**
   * The outcome of one step.
   *
   * @param emails what goes out now, each in commit order
   * @param wakeAt when to call {@link #onTimer} next; null when nothing waits
   */
  public record Step(BatchState state, List<List<Notification>> emails, Long wakeAt) {}

  public Step onNotification(BatchState state, Notification notification, long now) {
    List<Long> sent = recent(state.sentAt(), now);
    if (isAlert(notification)) {
      // never held back by the cap: an alert is what the cap must not silence
      sent.add(now);
      BatchState next = new BatchState(state.pending(), state.firstAt(), state.lastAt(), sent);
      return new Step(next, List.of(List.of(notification)), wakeAt(next));
    }
    if (isAssignmentToRecipient(notification) && sent.size() < hourlyCap) {
      sent.add(now);
      BatchState next = new BatchState(state.pending(), state.firstAt(), state.lastAt(), sent);
      return new Step(next, List.of(List.of(notification)), wakeAt(next));
    }
    List<Notification> pending = new ArrayList<>(state.pending());
    pending.add(notification);
    Long firstAt = state.firstAt() == null ? now : state.firstAt();
    BatchState next = new BatchState(pending, firstAt, now, sent);
    return new Step(next, List.of(), wakeAt(next));
  }

  public Step onTimer(BatchState state, long now) {
    List<Long> sent = recent(state.sentAt(), now);
    boolean due =
        state.firstAt() != null
            && (now >= state.lastAt() + quietMillis || now >= state.firstAt() + maxDelayMillis);
    if (!due || sent.size() >= hourlyCap) {
      BatchState next = new BatchState(state.pending(), state.firstAt(), state.lastAt(), sent);
      return new Step(next, List.of(), wakeAt(next));
    }
    List<Notification> email = new ArrayList<>(state.pending());
    email.sort(COMMIT_ORDER);
    sent.add(now);
    BatchState next = new BatchState(List.of(), null, null, sent);
    return new Step(next, List.of(email), null);
  }

  /** The next moment a waiting batch may go: when due, or when the cap frees a slot. */
  private Long wakeAt(BatchState state) {
    if (state.firstAt() == null) {
      return null;
    }
    long due = Math.min(state.lastAt() + quietMillis, state.firstAt() + maxDelayMillis);
    if (state.sentAt().size() >= hourlyCap) {
      due = Math.max(due, state.sentAt().get(state.sentAt().size() - hourlyCap) + HOUR);
    }
    return due;
  }

  private static List<Long> recent(List<Long> sentAt, long now) {
    List<Long> recent = new ArrayList<>();
    for (Long at : sentAt) {
      if (at > now - HOUR) {
        recent.add(at);
      }
    }
    return recent;
  }

  static boolean isAlert(Notification n) {
    return Reason.ALERT.wireName().equals(n.getReason());
  }

  static boolean isAssignmentToRecipient(Notification n) {
    return "assigned".equals(n.getReason()) && "assigned".equals(n.getActivity().getType());
  }
}
