package io.activitytrail.flink;

import io.activitytrail.flink.decode.ColumnValue;
import io.activitytrail.flink.decode.ColumnValue.Kind;
import io.activitytrail.flink.decode.ContextMessage;
import io.activitytrail.flink.decode.Op;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.flink.decode.SourceRef;
import io.activitytrail.flink.decode.TransactionBoundary;
import io.activitytrail.schemas.context.ActorContext;
import java.util.LinkedHashMap;

/** Factories for decoded events, for tests that start after decoding. */
public final class Changes {
  public static final ActorContext ADA =
      new ActorContext(
          "user",
          "5",
          "Ada Agent",
          "203.0.113.9",
          null,
          "req-81",
          "web",
          null,
          null,
          null,
          new LinkedHashMap<>());

  private Changes() {}

  /** A ticket status update; {@code updatedBy} before and after control the fallback actor. */
  public static RowChange ticketUpdate(
      String tx, long order, long ticketId, String updatedByBefore, String updatedByAfter) {
    LinkedHashMap<String, ColumnValue> before = ticket(ticketId, "open", updatedByBefore);
    LinkedHashMap<String, ColumnValue> after = ticket(ticketId, "pending", updatedByAfter);
    return new RowChange(
        "helpdesk",
        "helpdesk",
        "tickets",
        Op.UPDATE,
        before,
        after,
        1_764_100_000_123L,
        26_411_776L + order,
        tx,
        order,
        null,
        new SourceRef("helpdesk.helpdesk.tickets", 0, order));
  }

  public static ContextMessage context(String tx, ActorContext actor) {
    return new ContextMessage(tx, actor, new SourceRef("helpdesk.message", 0, 1));
  }

  /** An END marker; its LSN grows with the (numeric) transaction id, so ids are commit order. */
  public static TransactionBoundary end(String tx, long eventCount) {
    return new TransactionBoundary(
        tx,
        TransactionBoundary.Status.END,
        eventCount,
        0L,
        endLsn(tx),
        new SourceRef("helpdesk.transaction", 0, 2));
  }

  /** The LSN of {@link #end}'s marker for a numeric transaction id. */
  public static long endLsn(String tx) {
    return Long.parseLong(tx) * 1_000 + 999;
  }

  public static TransactionBoundary begin(String tx) {
    return new TransactionBoundary(
        tx,
        TransactionBoundary.Status.BEGIN,
        null,
        0L,
        Long.parseLong(tx) * 1_000,
        new SourceRef("helpdesk.transaction", 0, 1));
  }

  private static LinkedHashMap<String, ColumnValue> ticket(
      long id, String status, String updatedBy) {
    LinkedHashMap<String, ColumnValue> row = new LinkedHashMap<>();
    row.put("id", ColumnValue.of(Kind.NUMBER, Long.toString(id)));
    row.put("workspace_id", ColumnValue.of(Kind.TEXT, "acme"));
    row.put("number", ColumnValue.of(Kind.NUMBER, "1007"));
    row.put("subject", ColumnValue.of(Kind.TEXT, "Printer on fire"));
    row.put("status", ColumnValue.of(Kind.TEXT, status));
    row.put(
        "updated_by",
        updatedBy == null ? ColumnValue.NULL : ColumnValue.of(Kind.NUMBER, updatedBy));
    return row;
  }
}
