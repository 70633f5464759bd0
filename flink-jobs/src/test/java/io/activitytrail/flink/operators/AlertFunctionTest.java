package io.activitytrail.flink.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.alerts.RulePack;
import io.activitytrail.alerts.RuleVocabulary;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.Notification;
import io.activitytrail.event.SourcePosition;
import io.activitytrail.flink.Fixtures;
import io.activitytrail.flink.Strict;
import io.activitytrail.flink.deadletter.DeadLetter;
import io.activitytrail.mapping.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AlertFunctionTest {
  private static final Instant T0 = Instant.parse("2026-12-08T10:00:00Z");
  private static final long NOW = 1_000_000L;
  private static final RuleVocabulary VOCABULARY = RuleVocabulary.of(Fixtures.mapping());

  private int nextId;

  private static KeyedOneInputStreamOperatorTestHarness<String, ActivityEvent, ActivityEvent>
      harness() throws Exception {
    var harness = unopened();
    harness.open();
    harness.setProcessingTime(NOW);
    return harness;
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, ActivityEvent, ActivityEvent>
      unopened() throws Exception {
    var harness =
        Strict.harness(
            new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                    new AlertFunction(
                        RulePack.builtIn(VOCABULARY).rules(),
                        VOCABULARY,
                        Fixtures.mapping().feedAuditTypes())),
                new Routing.EventWorkspace(),
                Types.STRING));
    // the contract's Avro serializer, as in the job (Flink's own type analysis rejects it)
    harness.setup(new ContractAvroSerializer<>(ActivityEvent.class));
    return harness;
  }

  private void send(
      KeyedOneInputStreamOperatorTestHarness<String, ActivityEvent, ActivityEvent> harness,
      ActivityEvent event)
      throws Exception {
    harness.processElement(new StreamRecord<>(event));
  }

  private ActivityEvent event(
      String type, String recordType, String recordId, String actor, String ip, long atSeconds) {
    return event(type, recordType, recordId, actor, ip, atSeconds, List.of());
  }

  private ActivityEvent event(
      String type,
      String recordType,
      String recordId,
      String actor,
      String ip,
      long atSeconds,
      List<FieldChange> changes) {
    int id = ++nextId;
    return ActivityEvent.newBuilder()
        .setEventId("e-" + id)
        .setChangeId("c-" + id)
        .setWorkspaceId("acme")
        .setOccurredAt(T0.plusSeconds(atSeconds))
        .setProcessedAt(T0.plusSeconds(atSeconds))
        .setCategory(Category.audit)
        .setType(type)
        .setRecordType(recordType)
        .setRecordId(recordId)
        .setActor(
            Actor.newBuilder()
                .setType("user")
                .setId(actor)
                .setName(actor == null ? null : "User " + actor)
                .setIp(ip)
                .setSource("context")
                .setExtra(new HashMap<>())
                .build())
        .setChanges(new ArrayList<>(changes))
        .setDetails(new HashMap<>())
        .setSource(
            SourcePosition.newBuilder()
                .setConnector("helpdesk")
                .setLsn((long) id)
                .setTopic("helpdesk.helpdesk.users")
                .setPartition(0)
                .setOffset(id)
                .build())
        .build();
  }

  private static FieldChange change(String field, String old, String now) {
    return FieldChange.newBuilder().setField(field).setOld(old).setNew$(now).build();
  }

  /** The team: Ines (admin), Olga (owner), Bo (agent). */
  private void team(
      KeyedOneInputStreamOperatorTestHarness<String, ActivityEvent, ActivityEvent> harness)
      throws Exception {
    String[][] members = {{"1", "ines", "admin"}, {"2", "olga", "owner"}, {"3", "bo", "agent"}};
    for (String[] m : members) {
      send(
          harness,
          event(
              "created",
              "team_member",
              m[0],
              null,
              null,
              0,
              List.of(change("email", null, m[1] + "@acme.test"), change("role", null, m[2]))));
    }
  }

  private static List<ActivityEvent> alerts(
      KeyedOneInputStreamOperatorTestHarness<String, ActivityEvent, ActivityEvent> harness) {
    return harness.extractOutputValues();
  }

  private static List<Notification> emails(
      KeyedOneInputStreamOperatorTestHarness<String, ActivityEvent, ActivityEvent> harness) {
    List<Notification> out = new ArrayList<>();
    var queue = harness.getSideOutput(AlertFunction.ALERT_EMAILS);
    if (queue != null) {
      queue.forEach(r -> out.add(r.getValue()));
    }
    return out;
  }

  @Test
  @DisplayName(
      "4 failed logins of one account fire nothing; the 5th fires one alert_fired event and one email to each admin and owner")
  void bruteForce() throws Exception {
    try (var harness = harness()) {
      team(harness);
      for (int i = 0; i < 4; i++) {
        send(harness, event("login_failed", "team_member", "3", "3", "10.0.0.9", 10 + i));
      }
      assertThat(alerts(harness)).isEmpty();

      send(harness, event("login_failed", "team_member", "3", "3", "10.0.0.9", 14));

      assertThat(alerts(harness)).hasSize(1);
      ActivityEvent alert = alerts(harness).get(0);
      assertThat(alert.getType()).isEqualTo(Taxonomy.ALERT_FIRED);
      assertThat(alert.getRecordId()).isEqualTo("builtin:brute_force");
      assertThat(alert.getDetails()).containsEntry("group_key", "3").containsEntry("count", "5");
      assertThat(emails(harness))
          .extracting(Notification::getRecipientEmail)
          .containsExactlyInAnyOrder("ines@acme.test", "olga@acme.test");
      assertThat(emails(harness))
          .allSatisfy(
              n -> {
                assertThat(n.getReason()).isEqualTo("alert");
                assertThat(n.getActivity().getEventId()).isEqualTo(alert.getEventId());
              });

      // 10 more within the suppression: nothing more
      for (int i = 0; i < 10; i++) {
        send(harness, event("login_failed", "team_member", "3", "3", "10.0.0.9", 20 + i));
      }
      assertThat(alerts(harness)).hasSize(1);
    }
  }

  @Test
  @DisplayName(
      "once the window and suppression have passed, the groups' state and the cleanup timer are gone")
  void stateAndTimersCleared() throws Exception {
    try (var harness = harness()) {
      for (int i = 0; i < 5; i++) {
        send(harness, event("login_failed", "team_member", "3", "3", "10.0.0.9", i));
      }
      assertThat(alerts(harness)).hasSize(1);
      int before = harness.numKeyedStateEntries();
      assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

      harness.setProcessingTime(NOW + 11 * 60_000L);

      assertThat(harness.numProcessingTimeTimers()).isZero();
      assertThat(harness.numKeyedStateEntries()).isLessThan(before);
      assertThat(harness.numKeyedStateEntries()).isZero();
    }
  }

  @Test
  @DisplayName("a role changed to admin fires at once; a role changed to agent does not")
  void privilegeEscalation() throws Exception {
    try (var harness = harness()) {
      team(harness);
      send(
          harness,
          event(
              "role_changed",
              "team_member",
              "3",
              "1",
              "10.1.1.1",
              5,
              List.of(change("role", "agent", "agent_lead"))));
      assertThat(alerts(harness)).isEmpty();

      ActivityEvent promotion =
          event(
              "role_changed",
              "team_member",
              "3",
              "1",
              "10.1.1.1",
              6,
              List.of(change("role", "agent", "admin")));
      send(harness, promotion);
      // the normalizer's feed copy of the same change: counted once, through its audit original
      ActivityEvent feedCopy = ActivityEvent.newBuilder(promotion).build();
      feedCopy.setEventId(promotion.getEventId() + "-feed");
      feedCopy.setCategory(Category.activity);
      send(harness, feedCopy);

      assertThat(alerts(harness))
          .extracting(a -> a.getDetails().get("rule_name"))
          .containsExactly("privilege_escalation");
      assertThat(alerts(harness).get(0).getDetails().get("events"))
          .contains("role: agent -> admin");
    }
  }

  @Test
  @DisplayName(
      "a workspace rule takes effect from its row's event; disabled, it stops firing; a rule that does not parse is a dead letter and the others go on")
  void workspaceRules() throws Exception {
    try (var harness = harness()) {
      team(harness);
      send(
          harness,
          event(
              "alert_rule_changed",
              "alert_rule",
              "77",
              "1",
              null,
              1,
              List.of(
                  change("name", null, "ticket deletions"),
                  change("enabled", null, "true"),
                  change("filter", null, "{\"type\": \"deleted\", \"record_type\": \"ticket\"}"),
                  change("threshold", null, "2"),
                  change("window_seconds", null, "60"),
                  change("group_by", null, "none"),
                  change("suppress_seconds", null, "0"),
                  change("severity", null, "low"),
                  change("recipients", null, "[\"sec@acme.test\"]"))));
      send(harness, event("deleted", "ticket", "500", "3", null, 2));
      send(harness, event("deleted", "ticket", "501", "3", null, 3));
      assertThat(alerts(harness)).extracting(a -> a.getRecordId()).containsExactly("77");
      assertThat(emails(harness))
          .extracting(Notification::getRecipientEmail)
          .containsExactly("sec@acme.test");

      send(
          harness,
          event(
              "alert_rule_changed",
              "alert_rule",
              "77",
              "1",
              null,
              4,
              List.of(change("enabled", "true", "false"))));
      send(harness, event("deleted", "ticket", "502", "3", null, 5));
      send(harness, event("deleted", "ticket", "503", "3", null, 6));
      assertThat(alerts(harness)).hasSize(1);

      send(
          harness,
          event(
              "alert_rule_changed",
              "alert_rule",
              "78",
              "1",
              null,
              7,
              List.of(
                  change("name", null, "typo"),
                  change("filter", null, "{\"type\": \"logn_failed\"}"))));
      var letters = harness.getSideOutput(AlertFunction.DEAD_LETTERS);
      assertThat(letters).hasSize(1);
      DeadLetter letter = letters.peek().getValue();
      assertThat(letter.stage()).isEqualTo(DeadLetter.Stage.ALERT_RULE);
      assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("78");
      assertThat(letter.errorMessage()).contains("unknown type 'logn_failed'");
      assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains("logn_failed");

      for (int i = 0; i < 5; i++) {
        send(harness, event("login_failed", "team_member", "3", "3", "10.0.0.9", 10 + i));
      }
      assertThat(alerts(harness)).as("the built-in rules still fire").hasSize(2);
    }
  }

  @Test
  @DisplayName(
      "restored from a checkpoint taken mid-window, the count goes on: the 5th failed login fires once")
  void restoreMidWindow() throws Exception {
    OperatorSubtaskState snapshot;
    try (var harness = harness()) {
      team(harness);
      for (int i = 0; i < 3; i++) {
        send(harness, event("login_failed", "team_member", "3", "3", "10.0.0.9", 10 + i));
      }
      snapshot = harness.snapshot(1, NOW);
    }
    try (var restored = unopened()) {
      restored.initializeState(snapshot);
      restored.open();
      restored.setProcessingTime(NOW);
      send(restored, event("login_failed", "team_member", "3", "3", "10.0.0.9", 13));
      assertThat(alerts(restored)).isEmpty();
      send(restored, event("login_failed", "team_member", "3", "3", "10.0.0.9", 14));
      assertThat(alerts(restored)).hasSize(1);
      assertThat(emails(restored)).hasSize(2);
    }
  }
}
