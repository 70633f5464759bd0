package io.activitytrail.clickhouse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.SourcePosition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes events as JSONEachRow straight from the event to the bytes, the same rows as {@link
 * ActivityRows#toRow} but without a map per row and per change: bulk loads spent more time building
 * and walking those maps than ClickHouse spent inserting.
 */
final class ActivityJsonWriter {

  private static final JsonFactory JSON = new JsonFactory();

  private ActivityJsonWriter() {}

  static byte[] write(List<ActivityEvent> events) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, events.size() * 640));
    try (JsonGenerator g = JSON.createGenerator(out)) {
      // One object per line: the generator's default separator between roots is a space.
      g.setRootValueSeparator(null);
      for (ActivityEvent event : events) {
        row(g, event);
        g.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write activity rows: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static void row(JsonGenerator g, ActivityEvent e) throws IOException {
    Actor actor = e.getActor();
    SourcePosition source = e.getSource();
    g.writeStartObject();
    g.writeStringField("event_id", e.getEventId());
    g.writeStringField("change_id", e.getChangeId());
    g.writeStringField("workspace_id", e.getWorkspaceId());
    g.writeStringField("occurred_at", ActivityRows.formatTime(e.getOccurredAt().toEpochMilli()));
    g.writeStringField("processed_at", ActivityRows.formatTime(e.getProcessedAt().toEpochMilli()));
    g.writeStringField("category", e.getCategory().name());
    g.writeStringField("type", e.getType());
    g.writeStringField("record_type", e.getRecordType());
    g.writeStringField("record_id", e.getRecordId());
    g.writeStringField("record_display", e.getRecordDisplay());
    g.writeStringField("parent_record_type", e.getParentRecordType());
    g.writeStringField("parent_record_id", e.getParentRecordId());
    g.writeStringField("actor_type", actor.getType());
    g.writeStringField("actor_id", actor.getId());
    g.writeStringField("actor_name", actor.getName());
    g.writeStringField("actor_ip", actor.getIp());
    g.writeStringField("actor_user_agent", actor.getUserAgent());
    g.writeStringField("actor_request_id", actor.getRequestId());
    g.writeStringField("actor_channel", actor.getChannel());
    g.writeStringField("actor_rule_id", actor.getRuleId());
    g.writeStringField("actor_on_behalf_of", actor.getOnBehalfOf());
    g.writeStringField("actor_impersonator_id", actor.getImpersonatorId());
    g.writeStringField("actor_source", actor.getSource());
    g.writeStringField("actor_db_user", actor.getDbUser());
    map(g, "actor_extra", actor.getExtra());
    g.writeArrayFieldStart("changes");
    for (FieldChange c : e.getChanges()) {
      g.writeStartObject();
      g.writeStringField("field", c.getField());
      g.writeStringField("old", c.getOld());
      g.writeStringField("new", c.getNew$());
      g.writeStringField("old_display", c.getOldDisplay());
      g.writeStringField("new_display", c.getNewDisplay());
      g.writeBooleanField("sensitive", c.getSensitive());
      g.writeEndObject();
    }
    g.writeEndArray();
    map(g, "details", e.getDetails());
    g.writeStringField("transaction_id", e.getTransactionId());
    g.writeStringField("source_connector", source.getConnector());
    g.writeStringField("source_schema", source.getSchema$());
    g.writeStringField("source_table", source.getTable());
    number(g, "source_lsn", source.getLsn());
    number(g, "source_tx_order", source.getTxOrder());
    g.writeStringField("source_topic", source.getTopic());
    g.writeNumberField("source_partition", source.getPartition());
    g.writeNumberField("source_offset", source.getOffset());
    // null lets the column default (365 days) apply: the table writes it, not this code.
    number(g, "retention_days", e.getRetentionDays() == null ? null : (long) e.getRetentionDays());
    g.writeEndObject();
  }

  private static void map(JsonGenerator g, String name, Map<String, String> values)
      throws IOException {
    g.writeObjectFieldStart(name);
    if (values != null) {
      for (Map.Entry<String, String> entry : values.entrySet()) {
        g.writeStringField(entry.getKey(), entry.getValue());
      }
    }
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String name, Long value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, value);
    }
  }
}
