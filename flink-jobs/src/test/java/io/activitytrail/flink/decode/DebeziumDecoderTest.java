package io.activitytrail.flink.decode;

import static io.activitytrail.flink.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activitytrail.flink.source.RawRecord;
import io.activitytrail.schemas.context.ActorContext;
import java.util.Base64;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DebeziumDecoderTest {
  private final DebeziumDecoder decoder = new DebeziumDecoder(PREFIX, mapping());

  @Test
  @DisplayName("an update envelope decodes to a row change with canonical before/after values")
  void update() {
    RowChange change =
        (RowChange) decoder.decode(record(TICKETS_TOPIC, "ticket-update.json")).orElseThrow();

    assertThat(change.op()).isEqualTo(Op.UPDATE);
    assertThat(change.qualifiedTable()).isEqualTo("helpdesk.tickets");
    assertThat(change.connector()).isEqualTo("helpdesk");
    assertThat(change.transactionId()).isEqualTo(TX);
    assertThat(change.txOrder()).isEqualTo(2L);
    assertThat(change.lsn()).isEqualTo(26411776L);
    assertThat(change.commitTimeMillis()).isEqualTo(1764100000123L);
    assertThat(change.before().get("status"))
        .isEqualTo(ColumnValue.of(ColumnValue.Kind.TEXT, "open"));
    assertThat(change.after().get("assignee_id"))
        .isEqualTo(ColumnValue.of(ColumnValue.Kind.NUMBER, "5"));
    assertThat(change.before().get("assignee_id")).isEqualTo(ColumnValue.NULL);
    assertThat(change.after().get("updated_at"))
        .isEqualTo(ColumnValue.of(ColumnValue.Kind.TIMESTAMP, "2025-11-25T19:46:40.123456Z"));
    assertThat(change.before().get("created_at").text()).isEqualTo("2025-11-25T19:00:00.000Z");
    assertThat(change.before().get("custom_fields"))
        .isEqualTo(ColumnValue.of(ColumnValue.Kind.JSON, "{\"floor\":2}"));
  }

  @Test
  @DisplayName("a snapshot read has no transaction and so bypasses the attribution join")
  void snapshotRead() {
    RowChange change =
        (RowChange)
            decoder.decode(record(TICKETS_TOPIC, "ticket-snapshot-read.json")).orElseThrow();

    assertThat(change.op()).isEqualTo(Op.READ);
    assertThat(change.transactional()).isFalse();
    assertThat(change.before()).isEmpty();
  }

  @Test
  @DisplayName("END markers carry the transaction's event count; BEGIN markers carry none")
  void transactionMarkers() {
    TransactionBoundary end =
        (TransactionBoundary)
            decoder.decode(record(TRANSACTION_TOPIC, "transaction-end.json")).orElseThrow();
    TransactionBoundary begin =
        (TransactionBoundary)
            decoder.decode(record(TRANSACTION_TOPIC, "transaction-begin.json")).orElseThrow();

    assertThat(end.status()).isEqualTo(TransactionBoundary.Status.END);
    assertThat(end.eventCount()).isEqualTo(2L);
    assertThat(end.transactionId()).isEqualTo(TX);
    assertThat(end.lsn()).as("the commit's position, from the id").isEqualTo(26_412_104L);
    assertThat(begin.status()).isEqualTo(TransactionBoundary.Status.BEGIN);
    assertThat(begin.eventCount()).isNull();
  }

  @Test
  @DisplayName(
      "BEGIN, context, change and END of one transaction name it by its xid, though Debezium's ids"
          + " differ by LSN")
  void transactionIdIsTheXid() {
    assertThat(
            java.util.stream.Stream.of(
                    record(TRANSACTION_TOPIC, "transaction-begin.json"),
                    record(MESSAGE_TOPIC, "context-message.json"),
                    record(TICKETS_TOPIC, "ticket-update.json"),
                    record(TRANSACTION_TOPIC, "transaction-end.json"))
                .map(r -> decoder.decode(r).orElseThrow().transactionId()))
        .containsOnly("734");
  }

  @Test
  @DisplayName("a trail.context message decodes its base64 JSON and keeps unknown fields in extra")
  void contextMessage() {
    ContextMessage message =
        (ContextMessage)
            decoder.decode(record(MESSAGE_TOPIC, "context-message.json")).orElseThrow();

    assertThat(message.transactionId()).isEqualTo(TX);
    ActorContext context = message.context();
    assertThat(context.actorType()).isEqualTo("user");
    assertThat(context.actorId()).isEqualTo("5");
    assertThat(context.actorName()).isEqualTo("Ada Agent");
    assertThat(context.channel()).isEqualTo("web");
    assertThat(context.ruleId()).isNull();
    assertThat(context.extra()).containsExactly(java.util.Map.entry("tenant_region", "eu"));
  }

  @Test
  @DisplayName(
      "a non-transactional trail.event message decodes to an app event outside any transaction")
  void appEvent() {
    AppEvent event =
        (AppEvent) decoder.decode(record(MESSAGE_TOPIC, "login-failed-message.json")).orElseThrow();

    assertThat(event.transactional()).isFalse();
    assertThat(event.fields())
        .containsEntry("type", "login_failed")
        .containsEntry("reason", "bad_password")
        .doesNotContainKey("actor_name");
    assertThat(event.contentHash()).hasSize(64);
  }

  @Test
  @DisplayName("a tombstone (null value after a delete) yields nothing and is no error")
  void tombstone() {
    RawRecord tombstone =
        new RawRecord(TICKETS_TOPIC, 0, 9, 0L, new byte[] {1}, null, new LinkedHashMap<>());

    assertThat(decoder.decode(tombstone)).isEmpty();
  }

  @Test
  @DisplayName("malformed JSON is a decode error naming the problem")
  void malformed() {
    assertThatThrownBy(() -> decoder.decode(record(TICKETS_TOPIC, "malformed.txt")))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  @DisplayName("a table missing from the mapping is a decode error listing the mapped tables")
  void unknownTable() {
    assertThatThrownBy(() -> decoder.decode(record(TICKETS_TOPIC, "unknown-table.json")))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("helpdesk.invoices is not in the mapping")
        .hasMessageContaining("helpdesk.tickets");
  }

  @Test
  @DisplayName("a value contradicting its schema type is a decode error naming the column")
  void unexpectedType() {
    assertThatThrownBy(() -> decoder.decode(record(TICKETS_TOPIC, "unexpected-type.json")))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("column 'id' (int64): expected an integer");
  }

  @Test
  @DisplayName("the golden messages the platform helpers write decode as the helpers meant them")
  void helperGoldenMessages() throws Exception {
    ActorContext automation =
        ((ContextMessage)
                decoder
                    .decode(
                        message("context-message.json", "/context/actor-context-automation.json"))
                    .orElseThrow())
            .context();
    assertThat(automation.actorType()).isEqualTo("automation");
    assertThat(automation.ruleId()).isEqualTo("rule-7");
    assertThat(automation.channel()).isEqualTo("rule");
    assertThat(automation.onBehalfOf()).isEqualTo("12");
    assertThat(automation.extra()).containsExactly(java.util.Map.entry("tenant_region", "eu-west"));

    AppEvent export =
        (AppEvent)
            decoder
                .decode(
                    message("login-failed-message.json", "/context/audit-event-data-exported.json"))
                .orElseThrow();
    assertThat(export.fields())
        .containsEntry("type", "data_exported")
        .containsEntry("actor_name", "Ada Admin")
        .containsEntry("export", "tickets")
        .containsEntry("rows", "120");
  }

  /** A message fixture whose content is replaced by a golden file of the schemas module. */
  private static RawRecord message(String fixture, String golden) throws Exception {
    ObjectNode envelope = (ObjectNode) JSON.readTree(bytes("fixtures/" + fixture));
    byte[] content = bytes(golden.substring(1));
    ((ObjectNode) envelope.at("/payload/message"))
        .put("content", Base64.getEncoder().encodeToString(content));
    return new RawRecord(
        MESSAGE_TOPIC, 0, 0, 0L, null, JSON.writeValueAsBytes(envelope), new LinkedHashMap<>());
  }

  @Test
  @DisplayName("a context message with broken JSON is a decode error")
  void brokenContext() {
    assertThatThrownBy(() -> decoder.decode(record(MESSAGE_TOPIC, "broken-context-message.json")))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("trail.context content is not valid JSON");
  }

  @Test
  @DisplayName(
      "a value without the JsonConverter schema envelope is rejected with the setting to fix")
  void withoutSchemas() {
    RawRecord plain =
        new RawRecord(
            TICKETS_TOPIC, 0, 1, 0L, null, "{\"op\":\"c\"}".getBytes(), new LinkedHashMap<>());

    assertThatThrownBy(() -> decoder.decode(plain)).hasMessageContaining("schemas.enable=true");
  }
}
