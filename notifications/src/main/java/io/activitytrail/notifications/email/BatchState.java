package io.activitytrail.notifications.email;

import io.activitytrail.event.Notification;
import java.util.List;

/**
 * One recipient's email batching state.
 *
 * @param pending notifications waiting for the quiet period to pass, in arrival order
 * @param firstAt when the oldest pending one arrived (epoch millis), null when none waits
 * @param lastAt when the newest pending one arrived, null when none waits
 * @param sentAt when this recipient's emails of the last hour went out, oldest first
 */
public record BatchState(List<Notification> pending, Long firstAt, Long lastAt, List<Long> sentAt) {

  public static final BatchState EMPTY = new BatchState(List.of(), null, null, List.of());

  public BatchState {
    pending = List.copyOf(pending);
    sentAt = List.copyOf(sentAt);
  }
}
