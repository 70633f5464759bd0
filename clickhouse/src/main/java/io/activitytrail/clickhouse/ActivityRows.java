package io.activitytrail.clickhouse;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.SourcePosition;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps an {@link ActivityEvent} to a row of the {@code activity} table and back. This is the table
 * contract (also in docs/clickhouse.md):
 *
 * <table>
 *   <caption>activity columns</caption>
 *   <tr><th>column</th><th>type</th><th>meaning</th></tr>
 *   <tr><td>event_id</td><td>String</td><td>deterministic id from the source position; last sorting key column, so duplicates collapse</td></tr>
 *   <tr><td>change_id</td><td>String</td><td>shared by the activities one row change implies</td></tr>
 *   <tr><td>workspace_id</td><td>String</td><td>tenant; first sorting key column</td></tr>
 *   <tr><td>occurred_at</td><td>DateTime64(3, 'UTC')</td><td>commit time; partition month and TTL base</td></tr>
 *   <tr><td>processed_at</td><td>DateTime64(3, 'UTC')</td><td>when the pipeline produced the event</td></tr>
 *   <tr><td>category</td><td>LowCardinality(String)</td><td>{@code activity} or {@code audit}</td></tr>
 *   <tr><td>type</td><td>LowCardinality(String)</td><td>created, updated, deleted, status_changed, login_failed, ...</td></tr>
 *   <tr><td>record_type, record_id</td><td>String</td><td>the record the event is about</td></tr>
 *   <tr><td>record_display</td><td>Nullable(String)</td><td>the record's display name at that time</td></tr>
 *   <tr><td>parent_record_type, parent_record_id</td><td>Nullable(String)</td><td>the record it belongs to (a ticket for a message)</td></tr>
 *   <tr><td>actor_type, actor_source</td><td>LowCardinality(String)</td><td>who acted (user, automation, unattributed, ...) and where that came from (context, column, none)</td></tr>
 *   <tr><td>actor_id, actor_name, actor_ip, actor_user_agent, actor_request_id, actor_channel, actor_rule_id, actor_on_behalf_of, actor_impersonator_id, actor_db_user</td><td>Nullable(String)</td><td>the {@link Actor} fields, flattened</td></tr>
 *   <tr><td>actor_extra</td><td>Map(String, String)</td><td>context fields the schema does not name</td></tr>
 *   <tr><td>changes</td><td>Array(Tuple(field, old, new, old_display, new_display, sensitive))</td><td>field changes in event order</td></tr>
 *   <tr><td>details</td><td>Map(String, String)</td><td>type-specific facts</td></tr>
 *   <tr><td>transaction_id</td><td>Nullable(String)</td><td>source transaction</td></tr>
 *   <tr><td>source_connector, source_schema, source_table, source_lsn, source_tx_order, source_topic, source_partition, source_offset</td><td>...</td><td>the {@link SourcePosition}; lsn then tx_order give commit order inside a timestamp</td></tr>
 *   <tr><td>retention_days</td><td>UInt16 DEFAULT 365</td><td>days the row is kept (TTL): the event's retention_days, or 365 when it has none (read back as 365)</td></tr>
 *   <tr><td>inserted_at</td><td>DateTime64(3, 'UTC') DEFAULT now64(3)</td><td>when the row was written; not part of the event</td></tr>
 * </table>
 *
 * <p>Times are written as {@code yyyy-MM-dd HH:mm:ss.SSS} UTC, so an {@link Instant} keeps
 * millisecond precision (finer precision is cut, as Avro's timestamp-millis does).
 */
public final class ActivityRows {

  /** The columns {@link #toJsonEachRow} writes, in order (all but {@code inserted_at}). */
  public static final List<String> COLUMNS =
      List.of(
          "event_id",
          "change_id",
          "workspace_id",
          "occurred_at",
          "processed_at",
          "category",
          "type",
          "record_type",
          "record_id",
          "record_display",
          "parent_record_type",
          "parent_record_id",
          "actor_type",
          "actor_id",
          "actor_name",
          "actor_ip",
          "actor_user_agent",
          "actor_request_id",
          "actor_channel",
          "actor_rule_id",
          "actor_on_behalf_of",
          "actor_impersonator_id",
          "actor_source",
          "actor_db_user",
          "actor_extra",
          "changes",
          "details",
          "transaction_id",
          "source_connector",
          "source_schema",
          "source_table",
          "source_lsn",
          "source_tx_order",
          "source_topic",
          "source_partition",
          "source_offset",
          "retention_days");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private ActivityRows() {}

  /** The events as JSONEachRow lines with exactly {@link #COLUMNS}. */
  public static byte[] toJsonEachRow(List<ActivityEvent> events) {
    return ActivityJsonWriter.write(events);
  }

  /** One event as a row map keyed by {@link #COLUMNS}. */
  public static Map<String, Object> toRow(ActivityEvent e) {
    Actor actor = e.getActor();
    SourcePosition source = e.getSource();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("event_id", e.getEventId());
    row.put("change_id", e.getChangeId());
    row.put("workspace_id", e.getWorkspaceId());
    row.put("occurred_at", formatTime(e.getOccurredAt().toEpochMilli()));
    row.put("processed_at", formatTime(e.getProcessedAt().toEpochMilli()));
    row.put("category", e.getCategory().name());
    row.put("type", e.getType());
    row.put("record_type", e.getRecordType());
    row.put("record_id", e.getRecordId());
    row.put("record_display", e.getRecordDisplay());
    row.put("parent_record_type", e.getParentRecordType());
    row.put("parent_record_id", e.getParentRecordId());
    row.put("actor_type", actor.getType());
    row.put("actor_id", actor.getId());
    row.put("actor_name", actor.getName());
    row.put("actor_ip", actor.getIp());
    row.put("actor_user_agent", actor.getUserAgent());
    row.put("actor_request_id", actor.getRequestId());
    row.put("actor_channel", actor.getChannel());
    row.put("actor_rule_id", actor.getRuleId());
    row.put("actor_on_behalf_of", actor.getOnBehalfOf());
    row.put("actor_impersonator_id", actor.getImpersonatorId());
    row.put("actor_source", actor.getSource());
    row.put("actor_db_user", actor.getDbUser());
    row.put("actor_extra", actor.getExtra());
    List<Map<String, Object>> changes = new ArrayList<>();
    for (FieldChange c : e.getChanges()) {
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("field", c.getField());
      change.put("old", c.getOld());
      change.put("new", c.getNew$());
      change.put("old_display", c.getOldDisplay());
      change.put("new_display", c.getNewDisplay());
      change.put("sensitive", c.getSensitive());
      changes.add(change);
    }
    row.put("changes", changes);
    row.put("details", e.getDetails());
    row.put("transaction_id", e.getTransactionId());
    row.put("source_connector", source.getConnector());
    row.put("source_schema", source.getSchema$());
    row.put("source_table", source.getTable());
    row.put("source_lsn", source.getLsn());
    row.put("source_tx_order", source.getTxOrder());
    row.put("source_topic", source.getTopic());
    row.put("source_partition", source.getPartition());
    row.put("source_offset", source.getOffset());
    // null lets the column default (365 days) apply: the table writes it, not this code.
    row.put("retention_days", e.getRetentionDays());
    return row;
  }

  /**
   * The event a row of the {@code activity} table holds (a row read with at least {@link
   * #COLUMNS}).
   */
  public static ActivityEvent fromRow(Map<String, Object> row) {
    Actor actor =
        Actor.newBuilder()
            .setType(text(row, "actor_type"))
            .setId(text(row, "actor_id"))
            .setName(text(row, "actor_name"))
            .setIp(text(row, "actor_ip"))
            .setUserAgent(text(row, "actor_user_agent"))
            .setRequestId(text(row, "actor_request_id"))
            .setChannel(text(row, "actor_channel"))
            .setRuleId(text(row, "actor_rule_id"))
            .setOnBehalfOf(text(row, "actor_on_behalf_of"))
            .setImpersonatorId(text(row, "actor_impersonator_id"))
            .setSource(text(row, "actor_source"))
            .setDbUser(text(row, "actor_db_user"))
            .setExtra(textMap(row, "actor_extra"))
            .build();
    List<FieldChange> changes = new ArrayList<>();
    for (Object item : (List<?>) require(row, "changes")) {
      Map<?, ?> c = (Map<?, ?>) item;
      changes.add(
          FieldChange.newBuilder()
              .setField((String) c.get("field"))
              .setOld((String) c.get("old"))
              .setNew$((String) c.get("new"))
              .setOldDisplay((String) c.get("old_display"))
              .setNewDisplay((String) c.get("new_display"))
              .setSensitive(Boolean.TRUE.equals(c.get("sensitive")))
              .build());
    }
    SourcePosition source =
        SourcePosition.newBuilder()
            .setConnector(text(row, "source_connector"))
            .setSchema$(text(row, "source_schema"))
            .setTable(text(row, "source_table"))
            .setLsn(longOrNull(row, "source_lsn"))
            .setTxOrder(longOrNull(row, "source_tx_order"))
            .setTopic(text(row, "source_topic"))
            .setPartition(number(require(row, "source_partition"), "source_partition").intValue())
            .setOffset(number(require(row, "source_offset"), "source_offset").longValue())
            .build();
    return ActivityEvent.newBuilder()
        .setEventId(text(row, "event_id"))
        .setChangeId(text(row, "change_id"))
        .setWorkspaceId(text(row, "workspace_id"))
        .setOccurredAt(parseTime(require(row, "occurred_at")))
        .setProcessedAt(parseTime(require(row, "processed_at")))
        .setCategory(Category.valueOf(text(row, "category")))
        .setType(text(row, "type"))
        .setRecordType(text(row, "record_type"))
        .setRecordId(text(row, "record_id"))
        .setRecordDisplay(text(row, "record_display"))
        .setParentRecordType(text(row, "parent_record_type"))
        .setParentRecordId(text(row, "parent_record_id"))
        .setActor(actor)
        .setChanges(changes)
        .setDetails(textMap(row, "details"))
        .setTransactionId(text(row, "transaction_id"))
        .setSource(source)
        .setRetentionDays(intOrNull(row, "retention_days"))
        .build();
  }

  /**
   * The event a {@code payload} of the page tables holds (V004): the activity row as one
   * JSONEachRow object. A column the payload lacks (written before the column existed) reads as
   * null.
   */
  public static ActivityEvent fromPayload(byte[] payload) {
    List<Map<String, Object>> rows = JsonEachRow.parse(payload);
    if (rows.size() != 1) {
      throw new IllegalArgumentException(
          "an activity payload holds one JSON object, found " + rows.size());
    }
    Map<String, Object> row = rows.get(0);
    for (String column : COLUMNS) {
      row.putIfAbsent(column, null);
    }
    return fromRow(row);
  }

  /** {@code yyyy-MM-dd HH:mm:ss.SSS} in UTC: what a {@code DateTime64(3, 'UTC')} column reads. */
  public static String formatTime(long epochMillis) {
    return TIME.format(Instant.ofEpochMilli(epochMillis));
  }

  /** A {@code DateTime64(3, 'UTC')} value as ClickHouse prints it, or epoch milliseconds. */
  public static Instant parseTime(Object value) {
    if (value instanceof Number millis) {
      return Instant.ofEpochMilli(millis.longValue());
    }
    return LocalDateTime.parse(value.toString(), TIME).toInstant(ZoneOffset.UTC);
  }

  private static Object require(Map<String, Object> row, String column) {
    if (!row.containsKey(column)) {
      throw new IllegalArgumentException(
          "activity row lacks column " + column + ": " + row.keySet());
    }
    return row.get(column);
  }

  private static String text(Map<String, Object> row, String column) {
    Object value = require(row, column);
    return value == null ? null : value.toString();
  }

  private static Long longOrNull(Map<String, Object> row, String column) {
    Object value = require(row, column);
    return value == null ? null : number(value, column).longValue();
  }

  private static Integer intOrNull(Map<String, Object> row, String column) {
    Object value = require(row, column);
    return value == null ? null : number(value, column).intValue();
  }

  // 64-bit integers are quoted in ClickHouse's JSON unless output_format_json_quote_64bit_integers
  // is 0; a payload keeps whatever the session that wrote it had.
  private static Number number(Object value, String column) {
    if (value instanceof Number n) {
      return n;
    }
    try {
      return Long.valueOf(value.toString());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "activity column " + column + " is not a number: " + value, e);
    }
  }

  private static Map<String, String> textMap(Map<String, Object> row, String column) {
    Map<String, String> out = new LinkedHashMap<>();
    ((Map<?, ?>) require(row, column)).forEach((k, v) -> out.put(k.toString(), String.valueOf(v)));
    return out;
  }
}
