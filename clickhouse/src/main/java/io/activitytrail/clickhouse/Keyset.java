package io.activitytrail.clickhouse;

import io.activitytrail.event.ActivityEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;

/**
 * A place in the commit order of events: (occurred_at, source lsn, source tx order, event id). A
 * missing lsn or tx order counts as -1 (before any real one, which is never negative), the same way
 * the SQL orders them, so the order is total and a page boundary is never ambiguous.
 */
record Keyset(Instant occurredAt, long lsn, long txOrder, String eventId) {

  static final long MISSING = -1L;

  /**
   * Oldest first, exactly as ClickHouse sorts the key: event ids compare as unsigned UTF-8 bytes
   * (ClickHouse's String order), not as Java's UTF-16 chars, so the last item of a page sorted here
   * is the one the next page's SQL starts after.
   */
  static final Comparator<Keyset> COMMIT_ORDER =
      Comparator.comparing(Keyset::occurredAt)
          .thenComparingLong(Keyset::lsn)
          .thenComparingLong(Keyset::txOrder)
          .thenComparing(Keyset::eventId, Keyset::compareUtf8);

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

  private static int compareUtf8(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
