package io.activitytrail.alerts;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.mapping.Taxonomy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An alert as the {@code alert_fired} audit event: in the audit log of its workspace (never in a
 * member's feed), filed under the rule ({@code alert_rule}, the rule's id), credited to the system,
 * with the rule, severity, group, count, window and the events counted as details. Its event id is
 * the alert id, so a replay collapses in the store; its change id is that of the change that
 * completed the condition. Pure.
 */
public final class AlertEvents {

  /** The actor of every alert: the pipeline's own rule engine. */
  public static final String ACTOR_NAME = "Activity Trail alert rules";

  private AlertEvents() {}

  /**
   * @param completing the event that met the condition: the alert takes its source position, so the
   *     audit log can say where the alert came from
   */
  public static ActivityEvent of(Alert alert, ActivityEvent completing) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("rule_id", alert.ruleId());
    details.put("rule_name", alert.ruleName());
    details.put("severity", alert.severity().key());
    details.put("group_by", alert.groupBy().key());
    details.put("group_key", alert.groupKey());
    if (alert.distinct() != null) {
      details.put("distinct", alert.distinct().key());
    }
    details.put("count", Integer.toString(alert.count()));
    details.put("threshold", Integer.toString(alert.threshold()));
    details.put("window_seconds", Long.toString(alert.window().toSeconds()));
    details.put("window_start", alert.windowStart().toString());
    details.put("quiet_until", alert.quietUntil().toString());
    details.put("event_ids", String.join(",", alert.eventIds()));
    details.put("events", String.join("\n", alert.summaries()));
    details.put("recipients", String.join(",", alert.recipients()));
    return ActivityEvent.newBuilder()
        .setEventId(alert.alertId())
        // the change that completed the condition: its events and the alert it fired go together
        .setChangeId(completing.getChangeId())
        .setWorkspaceId(alert.workspaceId())
        .setOccurredAt(alert.firedAt())
        .setProcessedAt(completing.getProcessedAt())
        .setCategory(Category.audit)
        .setType(Taxonomy.ALERT_FIRED)
        .setRecordType(RuleRows.RULE_RECORD_TYPE)
        .setRecordId(alert.ruleId())
        .setRecordDisplay(alert.ruleName())
        .setParentRecordType(null)
        .setParentRecordId(null)
        .setActor(
            Actor.newBuilder().setType("system").setName(ACTOR_NAME).setSource("none").build())
        .setChanges(new ArrayList<>())
        .setDetails(details)
        .setTransactionId(completing.getTransactionId())
        .setSource(completing.getSource())
        .setRetentionDays(completing.getRetentionDays())
        .build();
  }
}
