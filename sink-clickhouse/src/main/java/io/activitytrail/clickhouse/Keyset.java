package io.activitytrail.clickhouse;

import io.activitytrail.event.ActivityEvent;
import java.time.Instant;
import java.util.Map;

/**
 * A place in the commit order of events: (occurred_at, source lsn, source tx order, event id). A
 * missing lsn or tx order counts as -1 (before any real one, which is never negative), the same way
 * the SQL orders them, so the order is total and a page boundary is never ambiguous.
 */
record Keyset(Instant occurredAt, long lsn, long txOrder, String eventId) {

  static final long MISSING = -1L;

  /** The position of an event. */
  static Keyset of(ActivityEvent event) {
    Long lsn = event.getSource().getLsn();
    Long txOrder = event.getSource().getTxOrder();
    return new Keyset(
        event.getOccurredAt(),
        lsn == null ? MISSING : lsn,
        txOrder == null ? MISSING : txOrder,
        event.getEventId());
  }

  /** The position in a row read with {@link KeysetSelect#POSITION_COLUMNS}. */
  static Keyset ofRow(Map<String, Object> row) {
    return new Keyset(
        ActivityRows.parseTime(row.get("occurred_at")),
        ((Number) row.get("sort_lsn")).longValue(),
        ((Number) row.get("sort_tx_order")).longValue(),
        (String) row.get("event_id"));
  }
}
