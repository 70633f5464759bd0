package io.activitytrail.flink;

import static io.activitytrail.flink.Fixtures.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activitytrail.flink.source.RawRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;

/**
 * Raw CDC records as Debezium writes them (JsonConverter envelopes with the tables' schema files),
 * for job-level tests that choose the order records arrive in. Offsets count up per instance.
 */
public final class CdcRecords {
  private static final long COMMIT_MILLIS = 1_764_100_000_123L;

  private long offset;

  /**
   * A team member's row change in transaction {@code xid}; {@code nameBefore} null for an insert.
   */
  public RawRecord user(String xid, long order, long id, String nameBefore, String name) {
    ObjectNode payload = payload("users", xid, order, nameBefore == null ? "c" : "u");
    if (nameBefore != null) {
      payload.set("before", userRow(id, nameBefore));
    }
    payload.set("after", userRow(id, name));
    return data("users", payload);
  }

  /** A ticket's assignee set from {@code before} (null: unassigned) to {@code after}. */
  public RawRecord assignTicket(String xid, long order, long ticketId, Long before, long after) {
    ObjectNode payload = payload("tickets", xid, order, "u");
    payload.set("before", ticketRow(ticketId, before));
    payload.set("after", ticketRow(ticketId, after));
    return data("tickets", payload);
  }

  /** A transaction's END marker counting {@code events} events. */
  public RawRecord end(String xid, long events) {
    ObjectNode root = (ObjectNode) tree(Fixtures.bytes("fixtures/transaction-end.json"));
    ObjectNode payload = (ObjectNode) root.get("payload");
    payload.put("id", xid + ":" + lsn(xid, 99));
    payload.put("event_count", events);
    payload.putArray("data_collections");
    return record(Fixtures.TRANSACTION_TOPIC, root);
  }

  private ObjectNode payload(String table, String xid, long order, String op) {
    ObjectNode payload = JSON.createObjectNode();
    payload.putNull("before");
    ObjectNode source = payload.putObject("source");
    source.put("version", "3.6.1.Final");
    source.put("connector", "postgresql");
    source.put("name", "helpdesk");
    source.put("ts_ms", COMMIT_MILLIS);
    source.put("snapshot", "false");
    source.put("db", "helpdesk");
    source.put("schema", "helpdesk");
    source.put("table", table);
    source.put("txId", Long.parseLong(xid));
    source.put("lsn", lsn(xid, order));
    ObjectNode transaction = payload.putObject("transaction");
    transaction.put("id", xid + ":" + lsn(xid, order));
    transaction.put("total_order", order);
    transaction.put("data_collection_order", order);
    payload.put("op", op);
    payload.put("ts_ms", COMMIT_MILLIS + 300);
    return payload;
  }

  private static long lsn(String xid, long order) {
    return Long.parseLong(xid) * 1_000 + order;
  }

  private static ObjectNode userRow(long id, String name) {
    ObjectNode row = JSON.createObjectNode();
    row.put("id", id);
    row.put("workspace_id", "acme");
    row.put("email", "u" + id + "@acme.test");
    row.put("name", name);
    row.put("role", "agent");
    row.put("password_hash", "$2a$10$x");
    row.put("created_at", "2025-01-01T00:00:00Z");
    row.put("updated_at", "2025-01-01T00:00:00Z");
    return row;
  }

  private static ObjectNode ticketRow(long id, Long assignee) {
    ObjectNode row = JSON.createObjectNode();
    row.put("id", id);
    row.put("workspace_id", "acme");
    row.put("number", 1000 + id);
    row.put("subject", "Printer on fire");
    row.put("status", "open");
    row.put("priority", "normal");
    if (assignee == null) {
      row.putNull("assignee_id");
    } else {
      row.put("assignee_id", assignee);
    }
    row.put("customer_id", 7);
    row.put("created_by", 3);
    row.putNull("updated_by");
    row.put("tags", "[]");
    row.put("custom_fields", "{}");
    row.putNull("due_at");
    row.put("created_at", "2025-11-25T19:00:00.000000Z");
    row.put("updated_at", "2025-11-25T19:00:00.000000Z");
    row.putNull("deleted_at");
    return row;
  }

  private RawRecord data(String table, ObjectNode payload) {
    return new RawRecord(
        "helpdesk.helpdesk." + table,
        0,
        offset++,
        COMMIT_MILLIS,
        null,
        Fixtures.envelope(table, payload),
        new LinkedHashMap<>());
  }

  private RawRecord record(String topic, ObjectNode root) {
    try {
      return new RawRecord(
          topic,
          0,
          offset++,
          COMMIT_MILLIS,
          null,
          JSON.writeValueAsBytes(root),
          new LinkedHashMap<>());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode tree(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
