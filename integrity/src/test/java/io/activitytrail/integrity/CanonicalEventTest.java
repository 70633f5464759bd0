package io.activitytrail.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CanonicalEventTest {

  private static ActivityEvent event() {
    return ActivityEvent.newBuilder()
        .setEventId("ev-1")
        .setChangeId("chg-1")
        .setWorkspaceId("acme")
        .setOccurredAt(Instant.parse("2026-12-01T10:00:00.123Z"))
        .setProcessedAt(Instant.parse("2026-12-01T10:00:00.456Z"))
        .setCategory(Category.audit)
        .setType("role_changed")
        .setRecordType("team_member")
        .setRecordId("9")
        .setRecordDisplay("Bo")
        .setActor(
            Actor.newBuilder()
                .setType("user")
                .setId("7")
                .setName("Ines")
                .setIp("10.0.0.1")
                .setSource("context")
                .setExtra(new HashMap<>(Map.of("z", "1", "a", "2")))
                .build())
        .setChanges(
            new ArrayList<>(
                List.of(
                    FieldChange.newBuilder()
                        .setField("role")
                        .setOld("agent")
                        .setNew$("admin")
                        .build())))
        .setDetails(new HashMap<>(Map.of("b", "x", "a", "y")))
        .setTransactionId("734:1000")
        .setSource(
            SourcePosition.newBuilder()
                .setConnector("helpdesk")
                .setSchema$("helpdesk")
                .setTable("users")
                .setLsn(1000L)
                .setTxOrder(1L)
                .setTopic("helpdesk.helpdesk.users")
                .setPartition(0)
                .setOffset(41)
                .build())
        .setRetentionDays(365)
        .build();
  }

  @Test
  @DisplayName(
      "an event's canonical bytes: compact JSON, keys sorted at every level, nulls spelt out, version 1")
  void golden() {
    assertThat(new String(CanonicalEvent.bytes(event()), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"actor\":{\"channel\":null,\"db_user\":null,\"extra\":{\"a\":\"2\",\"z\":\"1\"},"
                + "\"id\":\"7\",\"impersonator_id\":null,\"ip\":\"10.0.0.1\",\"name\":\"Ines\","
                + "\"on_behalf_of\":null,\"request_id\":null,\"rule_id\":null,\"source\":\"context\","
                + "\"type\":\"user\",\"user_agent\":null},\"category\":\"audit\",\"change_id\":\"chg-1\","
                + "\"changes\":[{\"field\":\"role\",\"new\":\"admin\",\"new_display\":null,\"old\":\"agent\","
                + "\"old_display\":null,\"sensitive\":false}],\"details\":{\"a\":\"y\",\"b\":\"x\"},"
                + "\"event_id\":\"ev-1\",\"occurred_at\":1796119200123,\"parent_record_id\":null,"
                + "\"parent_record_type\":null,\"record_display\":\"Bo\",\"record_id\":\"9\","
                + "\"record_type\":\"team_member\",\"source\":{\"connector\":\"helpdesk\",\"lsn\":1000,"
                + "\"schema\":\"helpdesk\",\"table\":\"users\",\"tx_order\":1},\"transaction_id\":"
                + "\"734:1000\",\"type\":\"role_changed\",\"v\":1,\"workspace_id\":\"acme\"}");
  }

  @Test
  @DisplayName(
      "processing time, Kafka position and retention do not change the bytes; the workspace does")
  void whatCounts() {
    ActivityEvent a = event();
    ActivityEvent b = event();
    b.setProcessedAt(Instant.parse("2027-01-01T00:00:00Z"));
    b.getSource().setTopic("elsewhere");
    b.getSource().setOffset(999L);
    b.setRetentionDays(30);
    assertThat(CanonicalEvent.bytes(b)).isEqualTo(CanonicalEvent.bytes(a));

    b.setWorkspaceId("globex");
    assertThat(CanonicalEvent.leaf(b)).isNotEqualTo(CanonicalEvent.leaf(a));
  }
}
