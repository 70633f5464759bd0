package io.activitytrail.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A rule's condition met: what the {@code alert_fired} audit event and the email carry.
 *
 * @param alertId deterministic: the same input fires the same id (a replay collapses)
 * @param groupKey the group's value (an actor id, an ip, {@code record_type:record_id}, or empty)
 * @param count what reached the threshold: matching events in the window, or with {@code distinct}
 *     the distinct values among them
 * @param windowStart commit time of the first event counted
 * @param firedAt commit time of the event that completed the condition
 * @param quietUntil until when further matches add to this alert instead of firing
 * @param eventIds the events counted, oldest first (at most {@link RuleEvaluator#MAX_EVENT_IDS})
 * @param summaries one line for each of the first events counted (at most {@link
 *     RuleEvaluator#MAX_SUMMARIES}), for the email
 */
public record Alert(
    String alertId,
    String workspaceId,
    String ruleId,
    String ruleName,
    Severity severity,
    GroupBy groupBy,
    String groupKey,
    GroupBy distinct,
    int count,
    int threshold,
    Duration window,
    Instant windowStart,
    Instant firedAt,
    Instant quietUntil,
    List<String> eventIds,
    List<String> summaries,
    List<String> recipients) {

  public Alert {
    eventIds = List.copyOf(eventIds);
    summaries = List.copyOf(summaries);
    recipients = List.copyOf(recipients);
  }
}
