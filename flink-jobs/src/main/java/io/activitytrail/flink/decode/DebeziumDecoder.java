package io.activitytrail.flink.decode;

import static io.activitytrail.schemas.context.ContextMessages.CONTEXT_PREFIX;
import static io.activitytrail.schemas.context.ContextMessages.EVENT_PREFIX;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.flink.decode.ValueConverter.FieldType;
import io.activitytrail.flink.source.RawRecord;
import io.activitytrail.mapping.Mapping;
import io.activitytrail.mapping.TableMapping;
import io.activitytrail.schemas.CdcTopics;
import io.activitytrail.schemas.context.ActorContext;
import io.activitytrail.schemas.context.AuditEvent;
import io.activitytrail.schemas.context.MessageFormatException;
import java.io.IOException;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Debezium PostgreSQL records written by the JsonConverter with schemas enabled ({@code
 * {"schema": ..., "payload": ...}}): data topics {@code <prefix>.<schema>.<table>}, the {@code
 * <prefix>.transaction} topic and the {@code <prefix>.message} topic.
 *
 * <p>Returns empty for records that carry nothing to record: tombstones and messages under
 * non-transactional foreign prefixes. Throws {@link DecodeException} for anything that cannot be
 * read or mapped.
 */
public final class DebeziumDecoder implements Serializable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String topicPrefix;
  private final Mapping mapping;

  public DebeziumDecoder(String topicPrefix, Mapping mapping) {
    this.topicPrefix = topicPrefix;
    this.mapping = mapping;
  }

  public Optional<Decoded> decode(RawRecord record) {
    if (record.value() == null) {
      return Optional.empty();
    }
    JsonNode root = parse(record.value(), "record value");
    JsonNode payload = root.get("payload");
    JsonNode schema = root.get("schema");
    if (payload == null || !payload.isObject() || schema == null || !schema.isObject()) {
      throw new DecodeException(
          "expected a JsonConverter envelope {\"schema\": {...}, \"payload\": {...}}"
              + " (value.converter.schemas.enable=true)");
    }
    SourceRef ref = new SourceRef(record.topic(), record.partition(), record.offset());
    if (record.topic().equals(CdcTopics.transactions(topicPrefix))) {
      return Optional.of(transaction(payload, ref));
    }
    if (record.topic().equals(CdcTopics.messages(topicPrefix))) {
      return message(payload, ref);
    }
    return Optional.of(rowChange(schema, payload, ref));
  }

  private RowChange rowChange(JsonNode schema, JsonNode payload, SourceRef ref) {
    JsonNode source = required(payload, "source");
    String table = requiredText(source, "table");
    String dbSchema = requiredText(source, "schema");
    TableMapping tableMapping =
        mapping
            .table(dbSchema, table)
            .orElseThrow(
                () ->
                    new UnmappedTableException(
                        "table "
                            + dbSchema
                            + "."
                            + table
                            + " is not in the mapping (mapped: "
                            + mapping.tableNames()
                            + ")"));
    Op op = Op.fromCode(requiredText(payload, "op"));
    LinkedHashMap<String, ColumnValue> before = row(schema, "before", payload.get("before"));
    LinkedHashMap<String, ColumnValue> after = row(schema, "after", payload.get("after"));
    if (op != Op.DELETE && after.isEmpty()) {
      throw new DecodeException("op " + op + " without an 'after' row");
    }
    if (op != Op.CREATE && op != Op.READ && before.isEmpty()) {
      throw new DecodeException(
          "op " + op + " without a 'before' row: is the table REPLICA IDENTITY FULL?");
    }
    Map<String, ColumnValue> current = op == Op.DELETE ? before : after;
    for (String column : tableMapping.key()) {
      requireValue(current, column, "key");
    }
    requireValue(current, tableMapping.recordIdColumn(), "record id");
    requireValue(current, tableMapping.workspaceColumn(), "workspace");
    JsonNode transaction = payload.get("transaction");
    boolean inTransaction = transaction != null && !transaction.isNull();
    return new RowChange(
        requiredText(source, "name"),
        dbSchema,
        table,
        op,
        before,
        after,
        requiredLong(source, "ts_ms"),
        optionalLong(source, "lsn"),
        inTransaction ? transactionId(requiredText(transaction, "id")) : null,
        inTransaction ? optionalLong(transaction, "total_order") : null,
        source.hasNonNull("user") ? source.get("user").asText() : null,
        ref);
  }

  private static void requireValue(Map<String, ColumnValue> row, String column, String role) {
    ColumnValue value = row.get(column);
    if (value == null || value.isNull() || value.isUnavailable()) {
      throw new DecodeException(
          "the "
              + role
              + " column '"
              + column
              + "' is missing or null (columns: "
              + row.keySet()
              + ")");
    }
  }

  private LinkedHashMap<String, ColumnValue> row(JsonNode schema, String part, JsonNode values) {
    LinkedHashMap<String, ColumnValue> row = new LinkedHashMap<>();
    if (values == null || values.isNull()) {
      return row;
    }
    if (!values.isObject()) {
      throw new DecodeException("'" + part + "' is not an object");
    }
    Map<String, FieldType> types = fieldTypes(schema, part);
    Iterator<Map.Entry<String, JsonNode>> fields = values.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      FieldType type = types.get(field.getKey());
      if (type == null) {
        throw new DecodeException(
            "column '" + field.getKey() + "' of '" + part + "' has no schema in the envelope");
      }
      row.put(field.getKey(), ValueConverter.convert(field.getKey(), type, field.getValue()));
    }
    return row;
  }

  private static Map<String, FieldType> fieldTypes(JsonNode schema, String part) {
    Map<String, FieldType> types = new LinkedHashMap<>();
    for (JsonNode envelopeField : schema.path("fields")) {
      if (part.equals(envelopeField.path("field").asText())) {
        for (JsonNode column : envelopeField.path("fields")) {
          types.put(
              column.path("field").asText(),
              new FieldType(
                  column.path("type").asText(null),
                  column.hasNonNull("name") ? column.get("name").asText() : null));
        }
      }
    }
    return types;
  }

  private static TransactionBoundary transaction(JsonNode payload, SourceRef ref) {
    String status = requiredText(payload, "status");
    TransactionBoundary.Status parsed;
    try {
      parsed = TransactionBoundary.Status.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("unexpected transaction status '" + status + "' (BEGIN or END)");
    }
    Long count = optionalLong(payload, "event_count");
    if (parsed == TransactionBoundary.Status.END && count == null) {
      throw new DecodeException("END marker without event_count");
    }
    String id = requiredText(payload, "id");
    return new TransactionBoundary(
        transactionId(id), parsed, count, requiredLong(payload, "ts_ms"), lsnOf(id), ref);
  }

  private Optional<Decoded> message(JsonNode payload, SourceRef ref) {
    JsonNode message = required(payload, "message");
    String prefix = requiredText(message, "prefix");
    JsonNode transaction = payload.get("transaction");
    String transactionId =
        transaction != null && !transaction.isNull()
            ? transactionId(requiredText(transaction, "id"))
            : null;
    byte[] content;
    try {
      content = Base64.getDecoder().decode(requiredText(message, "content"));
    } catch (IllegalArgumentException e) {
      throw new DecodeException("message content of prefix " + prefix + " is not base64", e);
    }
    JsonNode source = required(payload, "source");
    return switch (prefix) {
      case CONTEXT_PREFIX -> {
        if (transactionId == null) {
          throw new DecodeException(
              CONTEXT_PREFIX + " message outside a transaction: emit it with transactional=true");
        }
        yield Optional.of(new ContextMessage(transactionId, context(content), ref));
      }
      case EVENT_PREFIX ->
          Optional.of(
              new AppEvent(
                  requiredText(source, "name"),
                  transactionId,
                  appEventFields(content),
                  requiredLong(source, "ts_ms"),
                  optionalLong(source, "lsn"),
                  sha256(content),
                  transactionId == null ? null : optionalLong(transaction, "total_order"),
                  ref));
      // Other applications may emit their own messages: not ours to record, but a transactional
      // one still counts toward its transaction's END event_count.
      default ->
          transactionId == null
              ? Optional.empty()
              : Optional.of(new ForeignMessage(transactionId, prefix, ref));
    };
  }

  /**
   * The PostgreSQL transaction id (xid) of a Debezium transaction id. Debezium 3.6 writes {@code
   * <xid>:<lsn>} with the LSN of each event, so one transaction's BEGIN, changes, messages and END
   * carry different ids (seen on the real stack: {@code 947:27523984}, {@code 947:27524448}, END
   * {@code 947:27524896}); only the xid names the transaction.
   */
  static String transactionId(String debeziumId) {
    int colon = debeziumId.indexOf(':');
    return colon < 0 ? debeziumId : debeziumId.substring(0, colon);
  }

  /** The LSN of a Debezium transaction id {@code <xid>:<lsn>}; null when it has none. */
  static Long lsnOf(String debeziumId) {
    int colon = debeziumId.indexOf(':');
    try {
      return colon < 0 ? null : Long.valueOf(debeziumId.substring(colon + 1));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Reads {@code trail.context} content by its one definition ({@link ActorContext}). */
  public static ActorContext context(byte[] content) {
    try {
      return ActorContext.fromJson(content);
    } catch (MessageFormatException e) {
      throw new DecodeException(e.getMessage(), e);
    }
  }

  private static LinkedHashMap<String, String> appEventFields(byte[] content) {
    try {
      return AuditEvent.readFields(content);
    } catch (MessageFormatException e) {
      throw new DecodeException(e.getMessage(), e);
    }
  }

  private static JsonNode parse(byte[] bytes, String what) {
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new DecodeException(what + " is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new DecodeException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new DecodeException(what + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new DecodeException("missing field '" + field + "'");
    }
    return value;
  }

  private static String requiredText(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.isTextual()) {
      throw new DecodeException("field '" + field + "' must be a string, got " + value);
    }
    return value.asText();
  }

  private static long requiredLong(JsonNode node, String field) {
    Long value = optionalLong(node, field);
    if (value == null) {
      throw new DecodeException("missing field '" + field + "'");
    }
    return value;
  }

  private static Long optionalLong(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      throw new DecodeException("field '" + field + "' must be an integer, got " + value);
    }
    return value.longValue();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
