package io.activitytrail.alerts;

import io.activitytrail.event.ActivityEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A rule's evaluation over one group key, as a pure state machine: {@link #step} takes the group's
 * state and a matching event and returns the next state and, when the condition is met and no alert
 * suppresses, the one {@link Alert}.
 *
 * <p>Windows are in event time (commit time) and half-open: a window ending at an event at {@code
 * t} holds the hits at {@code (t - window, t]}, so events exactly {@code window} apart never count
 * together. The condition is checked for every window the new hit falls in that ends at a hit, so
 * the outcome does not depend on the order events of one transaction (one commit time) arrive in,
 * and an event arriving late still completes the window it belongs to. A hit older than the window
 * of the newest one kept is too late to count: the hits it could have joined are gone.
 */
public final class RuleEvaluator {

  /** Event ids an alert lists; the count says how many there were. */
  public static final int MAX_EVENT_IDS = 100;

  /** Events an alert's email describes, oldest first. */
  public static final int MAX_SUMMARIES = 10;

  private RuleEvaluator() {}

  /** The outcome of one event: the next state, and the alert it fired (or null). */
  public record Step(GroupState state, Alert fired, Outcome outcome) {}

  /** What happened to the event. */
  public enum Outcome {
    /** Counted; the condition is not met (yet). */
    COUNTED,
    /** Counted and fired an alert. */
    FIRED,
    /** Counted into the alert that suppresses; nothing sent. */
    SUPPRESSED,
    /** Already counted (a replay): nothing changes. */
    DUPLICATE,
    /** Older than the window of the newest hit: not counted. */
    TOO_LATE
  }

  /**
   * The group the event counts in for this rule, or null when it does not count: the rule does not
   * match it, or it lacks the group's or the distinct key's value (an event without an ip is in no
   * ip group).
   */
  public static String groupKey(AlertRule rule, ActivityEvent event) {
    if (!rule.matches(event)) {
      return null;
    }
    if (rule.distinct() != null && rule.distinct().valueOf(event) == null) {
      return null;
    }
    return rule.groupBy().valueOf(event);
  }

  /** Applies one event that {@link #groupKey} placed in {@code groupKey}. */
  public static Step step(AlertRule rule, String groupKey, GroupState state, ActivityEvent event) {
    Instant at = event.getOccurredAt();
    GroupState current = state.at(at, rule.window());
    Hit hit =
        new Hit(
            at,
            event.getEventId(),
            rule.distinct() == null ? null : rule.distinct().valueOf(event),
            EventSummary.of(event));
    List<Hit> hits = current.hits();
    if (hits.stream().anyMatch(h -> h.eventId().equals(hit.eventId()))) {
      return new Step(current, null, Outcome.DUPLICATE);
    }
    if (!hits.isEmpty() && !at.isAfter(hits.get(hits.size() - 1).at().minus(rule.window()))) {
      return new Step(current, null, Outcome.TOO_LATE);
    }
    List<Hit> next = new ArrayList<>(hits);
    next.add(hit);
    next.sort(Hit.ORDER);
    Instant newest = next.get(next.size() - 1).at();
    next.removeIf(h -> !h.at().isAfter(newest.minus(rule.window())));

    OpenAlert open = current.open();
    if (open != null && at.isBefore(open.suppressUntil())) {
      return new Step(new GroupState(next, open.absorb()), null, Outcome.SUPPRESSED);
    }
    for (Hit end : next) {
      if (end.at().isBefore(at) || !end.at().isBefore(at.plus(rule.window()))) {
        continue;
      }
      List<Hit> window = windowEndingAt(next, end, rule);
      int count = count(window, rule);
      if (count >= rule.threshold()) {
        Alert alert = alert(rule, groupKey, event.getWorkspaceId(), window, end, count);
        OpenAlert fired =
            new OpenAlert(alert.alertId(), end.at(), end.at().plus(rule.suppress()), 0);
        return new Step(new GroupState(next, fired), alert, Outcome.FIRED);
      }
    }
    return new Step(new GroupState(next, open), null, Outcome.COUNTED);
  }

  /** The hits of {@code (end - window, end]}, up to and including {@code end} in hit order. */
  private static List<Hit> windowEndingAt(List<Hit> hits, Hit end, AlertRule rule) {
    Instant start = end.at().minus(rule.window());
    List<Hit> window = new ArrayList<>();
    for (Hit h : hits) {
      if (h.at().isAfter(start) && Hit.ORDER.compare(h, end) <= 0) {
        window.add(h);
      }
    }
    return window;
  }

  private static int count(List<Hit> window, AlertRule rule) {
    if (rule.distinct() == null) {
      return window.size();
    }
    Set<String> values = new HashSet<>();
    window.forEach(h -> values.add(h.distinctValue()));
    return values.size();
  }

  private static Alert alert(
      AlertRule rule, String groupKey, String workspace, List<Hit> window, Hit end, int count) {
    List<String> ids = window.stream().map(Hit::eventId).limit(MAX_EVENT_IDS).toList();
    List<String> summaries = window.stream().map(Hit::summary).limit(MAX_SUMMARIES).toList();
    return new Alert(
        alertId(workspace, rule.id(), groupKey, end.eventId()),
        workspace,
        rule.id(),
        rule.name(),
        rule.severity(),
        rule.groupBy(),
        groupKey,
        rule.distinct(),
        count,
        rule.threshold(),
        rule.window(),
        window.get(0).at(),
        end.at(),
        end.at().plus(rule.suppress()),
        ids,
        summaries,
        rule.recipients());
  }

  /**
   * A name-based UUID of the workspace, rule, group and the event that completed the condition: a
   * replay (the same events in the same order, as a restart from a checkpoint reads them) fires the
   * same id, and the stores and the sent log collapse it.
   */
  public static String alertId(String workspace, String ruleId, String groupKey, String eventId) {
    String name = "alert|" + workspace + "|" + ruleId + "|" + groupKey + "|" + eventId;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
