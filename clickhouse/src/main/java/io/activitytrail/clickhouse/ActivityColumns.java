package io.activitytrail.clickhouse;

import com.fasterxml.jackson.core.JsonGenerator;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.SourcePosition;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The activity row, once: each column's name, ClickHouse type, meaning, how it is written from an
 * {@link ActivityEvent} and how it is read back. The writer ({@link ActivityRows#toJsonEachRow}),
 * the reader ({@link ActivityRows#fromRow}) and the column list follow it; a test checks every
 * table and page payload the migrations create against it, and the column table of
 * docs/clickhouse.md. docs/clickhouse-schema.sql is the whole schema after all migrations.
 *
 * <p>Times are written as {@code yyyy-MM-dd HH:mm:ss.SSS} UTC, so an {@link Instant} keeps
 * millisecond precision (finer precision is cut, as Avro's timestamp-millis does).
 */
public final class ActivityColumns {

  /** One column of the row an event becomes. */
  public record Column(String name, String type, String meaning, Writer writer, Reader reader) {}

  /** Writes the column's value (its name is already written). */
  @FunctionalInterface
  public interface Writer {
    void write(JsonGenerator g, ActivityEvent event) throws IOException;
  }

  /** Sets what the column's value (as parsed from JSON; null for SQL NULL) says. */
  @FunctionalInterface
  public interface Reader {
    void read(Object value, Builders into);
  }

  /** The builders one row is read into. */
  public static final class Builders {
    final ActivityEvent.Builder event = ActivityEvent.newBuilder();
    final Actor.Builder actor = Actor.newBuilder();
    final SourcePosition.Builder source = SourcePosition.newBuilder();

    ActivityEvent build() {
      return event.setActor(actor.build()).setSource(source.build()).build();
    }
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private static final String TEXT = "String";
  private static final String NULLABLE_TEXT = "Nullable(String)";
  private static final String LOW_TEXT = "LowCardinality(String)";
  private static final String LOW_NULLABLE_TEXT = "LowCardinality(Nullable(String))";
  private static final String TIME_TYPE = "DateTime64(3, 'UTC')";
  private static final String TEXT_MAP = "Map(String, String)";

  /** The columns an event is written to, in table order. */
  public static final List<Column> ALL =
      List.of(
          text(
              "event_id",
              TEXT,
              "deterministic id derived from the source position; a replay gives the same id",
              ActivityEvent::getEventId,
              (b, v) -> b.event.setEventId(v)),
          text(
              "change_id",
              TEXT,
              "shared by all activities one row change implies",
              ActivityEvent::getChangeId,
              (b, v) -> b.event.setChangeId(v)),
          text(
              "workspace_id",
              TEXT,
              "tenant",
              ActivityEvent::getWorkspaceId,
              (b, v) -> b.event.setWorkspaceId(v)),
          time(
              "occurred_at",
              "commit time",
              ActivityEvent::getOccurredAt,
              (b, v) -> b.event.setOccurredAt(v)),
          time(
              "processed_at",
              "when the pipeline produced the event",
              ActivityEvent::getProcessedAt,
              (b, v) -> b.event.setProcessedAt(v)),
          new Column(
              "category",
              LOW_TEXT,
              "`activity` (timelines, feed) or `audit` (admin audit log)",
              (g, e) -> g.writeString(e.getCategory().name()),
              (v, b) -> b.event.setCategory(Category.valueOf(v.toString()))),
          text(
              "type",
              LOW_TEXT,
              "created, updated, deleted, status_changed, assigned, login_failed, ...",
              ActivityEvent::getType,
              (b, v) -> b.event.setType(v)),
          text(
              "record_type",
              LOW_TEXT,
              "the kind of record the event is about",
              ActivityEvent::getRecordType,
              (b, v) -> b.event.setRecordType(v)),
          text(
              "record_id",
              TEXT,
              "the record the event is about",
              ActivityEvent::getRecordId,
              (b, v) -> b.event.setRecordId(v)),
          text(
              "record_display",
              NULLABLE_TEXT,
              "the record's display name at that time",
              ActivityEvent::getRecordDisplay,
              (b, v) -> b.event.setRecordDisplay(v)),
          text(
              "parent_record_type",
              LOW_NULLABLE_TEXT,
              "the kind of record it belongs to (a ticket for a message)",
              ActivityEvent::getParentRecordType,
              (b, v) -> b.event.setParentRecordType(v)),
          text(
              "parent_record_id",
              NULLABLE_TEXT,
              "the record it belongs to",
              ActivityEvent::getParentRecordId,
              (b, v) -> b.event.setParentRecordId(v)),
          actor(
              "actor_type",
              LOW_TEXT,
              "user, customer, automation, api_token, integration, system, unattributed",
              Actor::getType,
              (b, v) -> b.actor.setType(v)),
          actor("actor_id", NULLABLE_TEXT, "who", Actor::getId, (b, v) -> b.actor.setId(v)),
          actor(
              "actor_name",
              NULLABLE_TEXT,
              "who, by name at that time",
              Actor::getName,
              (b, v) -> b.actor.setName(v)),
          actor(
              "actor_ip",
              NULLABLE_TEXT,
              "request context",
              Actor::getIp,
              (b, v) -> b.actor.setIp(v)),
          actor(
              "actor_user_agent",
              NULLABLE_TEXT,
              "request context",
              Actor::getUserAgent,
              (b, v) -> b.actor.setUserAgent(v)),
          actor(
              "actor_request_id",
              NULLABLE_TEXT,
              "request context",
              Actor::getRequestId,
              (b, v) -> b.actor.setRequestId(v)),
          actor(
              "actor_channel",
              LOW_NULLABLE_TEXT,
              "web, api, email, rule, import, system",
              Actor::getChannel,
              (b, v) -> b.actor.setChannel(v)),
          actor(
              "actor_rule_id",
              NULLABLE_TEXT,
              "the automation rule that acted",
              Actor::getRuleId,
              (b, v) -> b.actor.setRuleId(v)),
          actor(
              "actor_on_behalf_of",
              NULLABLE_TEXT,
              "whom an automation or integration acted for",
              Actor::getOnBehalfOf,
              (b, v) -> b.actor.setOnBehalfOf(v)),
          actor(
              "actor_impersonator_id",
              NULLABLE_TEXT,
              "the user impersonating the actor",
              Actor::getImpersonatorId,
              (b, v) -> b.actor.setImpersonatorId(v)),
          actor(
              "actor_source",
              LOW_TEXT,
              "where attribution came from: context, column, none",
              Actor::getSource,
              (b, v) -> b.actor.setSource(v)),
          actor(
              "actor_db_user",
              NULLABLE_TEXT,
              "database user of the change",
              Actor::getDbUser,
              (b, v) -> b.actor.setDbUser(v)),
          new Column(
              "actor_extra",
              TEXT_MAP,
              "context fields the schema does not name",
              (g, e) -> writeMap(g, e.getActor().getExtra()),
              (v, b) -> b.actor.setExtra(textMap(v))),
          new Column(
              "changes",
              "Array(Tuple(field String, old Nullable(String), new Nullable(String),"
                  + " old_display Nullable(String), new_display Nullable(String), sensitive Bool))",
              "field-level diff in event order; sensitive fields have null values",
              (g, e) -> writeChanges(g, e.getChanges()),
              (v, b) -> b.event.setChanges(readChanges(v))),
          new Column(
              "details",
              TEXT_MAP,
              "type-specific facts (file_name, reason, internal, ...)",
              (g, e) -> writeMap(g, e.getDetails()),
              (v, b) -> b.event.setDetails(textMap(v))),
          text(
              "transaction_id",
              NULLABLE_TEXT,
              "source transaction",
              ActivityEvent::getTransactionId,
              (b, v) -> b.event.setTransactionId(v)),
          source(
              "source_connector",
              LOW_TEXT,
              "the connector (Debezium topic prefix) the change came through",
              SourcePosition::getConnector,
              (b, v) -> b.source.setConnector(v)),
          source(
              "source_schema",
              LOW_NULLABLE_TEXT,
              "the changed table's schema",
              SourcePosition::getSchema$,
              (b, v) -> b.source.setSchema$(v)),
          source(
              "source_table",
              LOW_NULLABLE_TEXT,
              "the changed table",
              SourcePosition::getTable,
              (b, v) -> b.source.setTable(v)),
          new Column(
              "source_lsn",
              "Nullable(Int64)",
              "WAL position: commit order within one `occurred_at`",
              (g, e) -> writeLong(g, e.getSource().getLsn()),
              (v, b) -> b.source.setLsn(v == null ? null : number(v, "source_lsn").longValue())),
          new Column(
              "source_tx_order",
              "Nullable(Int64)",
              "position within the transaction",
              (g, e) -> writeLong(g, e.getSource().getTxOrder()),
              (v, b) ->
                  b.source.setTxOrder(v == null ? null : number(v, "source_tx_order").longValue())),
          source(
              "source_topic",
              LOW_TEXT,
              "Kafka topic read",
              SourcePosition::getTopic,
              (b, v) -> b.source.setTopic(v)),
          new Column(
              "source_partition",
              "Int32",
              "Kafka partition read",
              (g, e) -> g.writeNumber(e.getSource().getPartition()),
              (v, b) -> b.source.setPartition(number(v, "source_partition").intValue())),
          new Column(
              "source_offset",
              "Int64",
              "Kafka offset read",
              (g, e) -> g.writeNumber(e.getSource().getOffset()),
              (v, b) -> b.source.setOffset(number(v, "source_offset").longValue())),
          new Column(
              "retention_days",
              "UInt16",
              "days the row is kept (TTL); null in the event means the column default, 365",
              // null lets the column default (365 days) apply: the table writes it, not this code.
              (g, e) ->
                  writeLong(g, e.getRetentionDays() == null ? null : (long) e.getRetentionDays()),
              (v, b) ->
                  b.event.setRetentionDays(
                      v == null ? null : number(v, "retention_days").intValue())));

  /** The names of {@link #ALL}, in order. */
  public static final List<String> NAMES = ALL.stream().map(Column::name).toList();

  private ActivityColumns() {}

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

  private static Column text(
      String name,
      String type,
      String meaning,
      Function<ActivityEvent, String> get,
      BiConsumer<Builders, String> set) {
    return new Column(
        name,
        type,
        meaning,
        (g, e) -> writeText(g, get.apply(e)),
        (v, b) -> set.accept(b, v == null ? null : v.toString()));
  }

  private static Column actor(
      String name,
      String type,
      String meaning,
      Function<Actor, String> get,
      BiConsumer<Builders, String> set) {
    return text(name, type, meaning, e -> get.apply(e.getActor()), set);
  }

  private static Column source(
      String name,
      String type,
      String meaning,
      Function<SourcePosition, String> get,
      BiConsumer<Builders, String> set) {
    return text(name, type, meaning, e -> get.apply(e.getSource()), set);
  }

  private static Column time(
      String name,
      String meaning,
      Function<ActivityEvent, Instant> get,
      BiConsumer<Builders, Instant> set) {
    return new Column(
        name,
        TIME_TYPE,
        meaning,
        (g, e) -> g.writeString(formatTime(get.apply(e).toEpochMilli())),
        (v, b) -> set.accept(b, parseTime(v)));
  }

  private static void writeText(JsonGenerator g, String value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value);
    }
  }

  private static void writeLong(JsonGenerator g, Long value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value);
    }
  }

  private static void writeMap(JsonGenerator g, Map<String, String> values) throws IOException {
    g.writeStartObject();
    if (values != null) {
      for (Map.Entry<String, String> entry : values.entrySet()) {
        g.writeStringField(entry.getKey(), entry.getValue());
      }
    }
    g.writeEndObject();
  }

  private static void writeChanges(JsonGenerator g, List<FieldChange> changes) throws IOException {
    g.writeStartArray();
    for (FieldChange c : changes) {
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
  }

  private static List<FieldChange> readChanges(Object value) {
    List<FieldChange> changes = new ArrayList<>();
    for (Object item : (List<?>) value) {
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
    return changes;
  }

  private static Map<String, String> textMap(Object value) {
    Map<String, String> out = new LinkedHashMap<>();
    ((Map<?, ?>) value).forEach((k, v) -> out.put(k.toString(), String.valueOf(v)));
    return out;
  }

  // 64-bit integers are quoted in ClickHouse's JSON unless output_format_json_quote_64bit_integers
  // is 0; a payload keeps whatever the session that wrote it had.
  private static Number number(Object value, String column) {
    if (value instanceof Number n) {
      return n;
    }
    try {
      return Long.valueOf(value.toString());
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException(
          "activity column " + column + " is not a number: " + value, e);
    }
  }
}
