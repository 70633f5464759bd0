package io.activitytrail.alerts;

import static io.activitytrail.alerts.TestEvents.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Category;
import io.activitytrail.mapping.Taxonomy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AlertEventsTest {

  private static final AlertRule ESCALATION =
      Rules.rule(
          "{\"name\": \"privilege_escalation\", \"filter\": {\"type\": \"role_changed\","
              + " \"field\": \"role\", \"new\": [\"admin\", \"owner\"]}, \"threshold\": 1,"
              + " \"window_seconds\": 60, \"group_by\": \"record\", \"suppress_seconds\": 0,"
              + " \"severity\": \"critical\"}");

  private static final ActivityEvent ROLE_CHANGE =
      TestEvents.event(
          "e-1",
          "role_changed",
          "team_member",
          "42",
          "ines",
          "10.1.2.3",
          7,
          List.of(change("role", "agent", "admin")),
          Map.of());

  @Test
  @DisplayName(
      "an alert is an alert_fired audit event filed under its rule, id = alert id, with rule, group, count and the events as details")
  void alertAsAuditEvent() {
    RuleEvaluator.Step step =
        RuleEvaluator.step(
            ESCALATION,
            RuleEvaluator.groupKey(ESCALATION, ROLE_CHANGE),
            GroupState.EMPTY,
            ROLE_CHANGE);

    ActivityEvent alert = AlertEvents.of(step.fired(), ROLE_CHANGE);

    assertThat(alert.getType()).isEqualTo(Taxonomy.ALERT_FIRED);
    assertThat(alert.getCategory()).isEqualTo(Category.audit);
    assertThat(alert.getEventId()).isEqualTo(step.fired().alertId());
    assertThat(alert.getRecordType()).isEqualTo("alert_rule");
    assertThat(alert.getRecordId()).isEqualTo("r-1");
    assertThat(alert.getRecordDisplay()).isEqualTo("privilege_escalation");
    assertThat(alert.getOccurredAt()).isEqualTo(ROLE_CHANGE.getOccurredAt());
    assertThat(alert.getActor().getType()).isEqualTo("system");
    assertThat(alert.getDetails())
        .containsEntry("severity", "critical")
        .containsEntry("group_by", "record")
        .containsEntry("group_key", "team_member:42")
        .containsEntry("count", "1")
        .containsEntry("event_ids", "e-1")
        .containsEntry("recipients", "admin,owner");
    assertThat(alert.getDetails().get("events"))
        .isEqualTo(
            "2026-03-04 10:00:07 UTC  role_changed  team member 42  by ines from 10.1.2.3"
                + "  role: agent -> admin");
  }
}
