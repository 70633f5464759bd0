package io.activitytrail.flink.operators;

import static io.activitytrail.flink.Changes.ADA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.Notification;
import io.activitytrail.event.NotificationChannel;
import io.activitytrail.flink.Fixtures;
import io.activitytrail.flink.Strict;
import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.deadletter.DeadLetter;
import io.activitytrail.flink.decode.ColumnValue;
import io.activitytrail.flink.decode.ColumnValue.Kind;
import io.activitytrail.flink.decode.Op;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.flink.decode.SourceRef;
import io.activitytrail.mapping.Mapping;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NormalizeFunctionTest {
  private static final Mapping MAPPING = Fixtures.mapping();

  private static KeyedOneInputStreamOperatorTestHarness<String, Attributed, ActivityEvent> harness()
      throws Exception {
    var harness =
        Strict.harness(
            new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new NormalizeFunction(MAPPING)),
                new Routing.ByWorkspace(MAPPING),
                Types.STRING));
    // the contract's Avro serializer, as in the job (Flink's own type analysis rejects it)
    harness.setup(new ContractAvroSerializer<>(ActivityEvent.class));
    return harness;
  }

  private static void send(
      KeyedOneInputStreamOperatorTestHarness<String, Attributed, ActivityEvent> harness,
      RowChange change)
      throws Exception {
    harness.processElement(new StreamRecord<>(new Attributed(change, ADA)));
  }

  @Test
  @DisplayName(
      "names and retention are kept per workspace: another workspace's user of the same id is not shown")
  void perWorkspace() throws Exception {
    try (var harness = harness()) {
      harness.open();
      send(harness, workspace("acme", 90, 1));
      send(harness, user("acme", 9, "Bob Builder", 2));
      send(harness, user("globex", 9, "Mallory", 3));

      send(harness, assign("acme", 9, 4));
      send(harness, assign("globex", 9, 5));

      List<ActivityEvent> assigned = assignments(harness.extractOutputValues());
      assertThat(assigned)
          .extracting(ActivityEvent::getWorkspaceId)
          .containsExactly("acme", "globex");
      assertThat(assigned.get(0).getChanges().get(0).getNewDisplay()).isEqualTo("Bob Builder");
      assertThat(assigned.get(0).getRetentionDays()).isEqualTo(90);
      assertThat(assigned.get(1).getChanges().get(0).getNewDisplay()).isEqualTo("Mallory");
      assertThat(assigned.get(1).getRetentionDays()).isNull();
    }
  }

  @Test
  @DisplayName(
      "the references survive a checkpoint and restore (a restarted job still knows names)")
  void survivesRestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (var harness = harness()) {
      harness.open();
      send(harness, workspace("acme", 30, 1));
      send(harness, user("acme", 9, "Bob Builder", 2));
      snapshot = harness.snapshot(1, 10);
    }
    try (var restored = harness()) {
      restored.initializeState(snapshot);
      restored.open();
      send(restored, assign("acme", 9, 3));

      ActivityEvent assigned = assignments(restored.extractOutputValues()).get(0);
      FieldChange change = assigned.getChanges().get(0);
      assertThat(change.getNewDisplay()).isEqualTo("Bob Builder");
      assertThat(assigned.getRetentionDays()).isEqualTo(30);
    }
  }

  @Test
  @DisplayName(
      "an event the normalizer throws on goes to the dead letters as JSON with the reason, the stage and its source position; the next one is still normalized")
  void deadLetters() throws Exception {
    try (var harness = harness()) {
      harness.open();
      RowChange unmapped =
          change(
              "legacy_tickets",
              Op.CREATE,
              new LinkedHashMap<>(),
              workspace("acme", 1, 7).after(),
              7);

      send(harness, unmapped);
      send(harness, user("acme", 9, "Bob Builder", 8));

      assertThat(harness.extractOutputValues())
          .extracting(ActivityEvent::getRecordType)
          .containsExactly("team_member");
      List<DeadLetter> letters =
          harness.getSideOutput(NormalizeFunction.DEAD_LETTERS).stream()
              .map(StreamRecord::getValue)
              .toList();
      assertThat(letters).hasSize(1);
      DeadLetter letter = letters.get(0);
      assertThat(letter.stage()).isEqualTo(DeadLetter.Stage.NORMALIZE);
      assertThat(letter.errorMessage())
          .contains("helpdesk.legacy_tickets passed decoding unmapped");
      assertThat(letter.topic()).isEqualTo("helpdesk.helpdesk.legacy_tickets");
      assertThat(letter.offset()).isEqualTo(7);
      assertThat(letter.key()).isNull();
      JsonNode json = Fixtures.JSON.readTree(letter.value());
      assertThat(json.path("kind").asText()).isEqualTo("RowChange");
      assertThat(json.path("event").path("table").asText()).isEqualTo("legacy_tickets");
      assertThat(json.path("event").path("after").path("retention_days").path("text").asText())
          .isEqualTo("1");
      assertThat(json.path("context").path("actor_name").asText()).isEqualTo("Ada Agent");
    }
  }

  @Test
  @DisplayName(
      "an assignment notifies the assignee in the app and by email, at the address committed"
          + " before it, for reason assigned")
  void notifiesTheAssignee() throws Exception {
    try (var harness = harness()) {
      harness.open();
      send(harness, user("acme", 9, "Bob Builder", 1));
      send(harness, assign("acme", 9, 2));

      assertThat(notifications(harness))
          .extracting(
              Notification::getRecipientId,
              Notification::getChannel,
              Notification::getRecipientEmail,
              Notification::getReason)
          .containsExactly(
              tuple("9", NotificationChannel.in_app, null, "assigned"),
              tuple("9", NotificationChannel.email, "bob.builder@acme.test", "assigned"));
    }
  }

  @Test
  @DisplayName(
      "a setting committed before a change applies to it: email off keeps the in-app"
          + " notification only")
  void settingsApplyInCommitOrder() throws Exception {
    try (var harness = harness()) {
      harness.open();
      send(harness, user("acme", 9, "Bob Builder", 1));
      send(harness, preference("acme", 9, "assigned", "assigned", true, false, 2));
      send(harness, assign("acme", 9, 3));

      assertThat(notifications(harness))
          .extracting(Notification::getChannel)
          .containsExactly(NotificationChannel.in_app);
    }
  }

  @Test
  @DisplayName("an agent assigning a ticket to themself is not notified of their own change")
  void notTheActor() throws Exception {
    try (var harness = harness()) {
      harness.open();
      send(harness, user("acme", 5, "Ada Agent", 1));
      send(harness, assign("acme", 5, 2));

      assertThat(assignments(harness.extractOutputValues())).hasSize(1);
      assertThat(notifications(harness)).isEmpty();
    }
  }

  private static List<ActivityEvent> assignments(List<ActivityEvent> events) {
    return events.stream().filter(e -> e.getType().equals("assigned")).toList();
  }

  private static RowChange workspace(String id, int retentionDays, long lsn) {
    LinkedHashMap<String, ColumnValue> row = new LinkedHashMap<>();
    row.put("id", text(id));
    row.put("name", text(id));
    row.put("plan", text("team"));
    row.put("retention_days", ColumnValue.of(Kind.NUMBER, Integer.toString(retentionDays)));
    return change("workspaces", Op.CREATE, new LinkedHashMap<>(), row, lsn);
  }

  private static RowChange user(String workspace, long id, String name, long lsn) {
    LinkedHashMap<String, ColumnValue> row = new LinkedHashMap<>();
    row.put("id", ColumnValue.of(Kind.NUMBER, Long.toString(id)));
    row.put("workspace_id", text(workspace));
    row.put("name", text(name));
    row.put(
        "email", text(name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@acme.test"));
    row.put("role", text("agent"));
    return change("users", Op.CREATE, new LinkedHashMap<>(), row, lsn);
  }

  private static RowChange preference(
      String workspace,
      long user,
      String type,
      String scope,
      boolean inApp,
      boolean email,
      long lsn) {
    LinkedHashMap<String, ColumnValue> row = new LinkedHashMap<>();
    row.put("workspace_id", text(workspace));
    row.put("user_id", ColumnValue.of(Kind.NUMBER, Long.toString(user)));
    row.put("activity_type", text(type));
    row.put("scope", text(scope));
    row.put("in_app", ColumnValue.of(Kind.BOOLEAN, Boolean.toString(inApp)));
    row.put("email", ColumnValue.of(Kind.BOOLEAN, Boolean.toString(email)));
    return change("notification_preferences", Op.CREATE, new LinkedHashMap<>(), row, lsn);
  }

  private static List<Notification> notifications(
      KeyedOneInputStreamOperatorTestHarness<String, Attributed, ActivityEvent> harness) {
    var out = harness.getSideOutput(NormalizeFunction.NOTIFICATIONS);
    return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
  }

  private static RowChange assign(String workspace, long assignee, long lsn) {
    LinkedHashMap<String, ColumnValue> before = new LinkedHashMap<>();
    before.put("id", ColumnValue.of(Kind.NUMBER, "42"));
    before.put("workspace_id", text(workspace));
    before.put("number", ColumnValue.of(Kind.NUMBER, "1007"));
    before.put("subject", text("Printer on fire"));
    before.put("assignee_id", ColumnValue.NULL);
    LinkedHashMap<String, ColumnValue> after = new LinkedHashMap<>(before);
    after.put("assignee_id", ColumnValue.of(Kind.NUMBER, Long.toString(assignee)));
    return change("tickets", Op.UPDATE, before, after, lsn);
  }

  private static RowChange change(
      String table,
      Op op,
      LinkedHashMap<String, ColumnValue> before,
      LinkedHashMap<String, ColumnValue> after,
      long lsn) {
    return new RowChange(
        "helpdesk",
        "helpdesk",
        table,
        op,
        before,
        after,
        1_764_100_000_123L,
        lsn,
        "tx" + lsn,
        1L,
        null,
        new SourceRef("helpdesk.helpdesk." + table, 0, lsn));
  }

  private static ColumnValue text(String value) {
    return ColumnValue.of(Kind.TEXT, value);
  }
}
