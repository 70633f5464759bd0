package io.activitytrail.clickhouse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the two statements of one page read: fixed SQL fragments chosen by which filters are
 * present, every value bound as a {@code {name:Type}} parameter. Pure: it only produces text and
 * parameters.
 *
 * <p>A page is read in two steps. {@link #positions} finds the page: only the sort columns, in key
 * order (the sorting keys end with exactly the page order, V003), so ClickHouse reads a few
 * granules in order and stops at the LIMIT. {@link #rows} then fetches every column of just those
 * events, bounded by the key prefix and the page's time span, so it touches one short key range.
 * Measured at 1M events (2 cores, loaded): the page in one statement 25-36 ms, in two 8 + 9 ms;
 * every column costs a file to open and decompress per part, so reading them for 51 rows only is
 * what pays.
 *
 * <p>Neither statement collapses duplicates: the copies of an event written twice carry the same
 * sort values, so they come out adjacent and {@link ActivityQueries} drops the repeats. Measured at
 * 200k rows, {@code LIMIT 1 BY event_id} cost 4-6x a plain {@code ORDER BY ... LIMIT} and {@code
 * FINAL} 1.5x.
 */
final class KeysetSelect {

  /** SQL text and the values for its placeholders. */
  record Statement(String sql, Map<String, Object> params) {}

  /** The columns {@link #positions} returns. */
  static final List<String> POSITION_COLUMNS =
      List.of("occurred_at", "sort_lsn", "sort_tx_order", "event_id");

  // sort_lsn and sort_tx_order are the null-free lsn and tx order (V003).
  private static final String ORDER_ASC = "occurred_at, sort_lsn, sort_tx_order, event_id";
  private static final String ORDER_DESC =
      "occurred_at DESC, sort_lsn DESC, sort_tx_order DESC, event_id DESC";
  private static final String POSITION = "(" + String.join(", ", POSITION_COLUMNS) + ")";
  private static final String CURSOR_TUPLE =
      "(fromUnixTimestamp64Milli({after_ms:Int64}, 'UTC'), {after_lsn:Int64},"
          + " {after_tx_order:Int64}, {after_event:String})";
  private static final String SELECT_ROWS = "SELECT " + String.join(", ", ActivityRows.COLUMNS);

  private final String table;
  private final List<String> keyConditions = new ArrayList<>();
  private final List<String> filters = new ArrayList<>();
  private final Map<String, Object> keyParams = new LinkedHashMap<>();
  private final Map<String, Object> filterParams = new LinkedHashMap<>();

  /**
   * @param table a checked, quoted table name
   */
  KeysetSelect(String table) {
    this.table = table;
  }

  /**
   * Adds an equality on a column of the sorting key's prefix (workspace, category, timeline
   * record); both steps use it, so the second one stays inside the same key range.
   */
  KeysetSelect key(String condition, String name, Object value) {
    keyConditions.add(condition);
    keyParams.put(name, value);
    return this;
  }

  /** Adds a fixed equality on a key column (the category). */
  KeysetSelect key(String condition) {
    keyConditions.add(condition);
    return this;
  }

  /** Adds a filter with one placeholder. */
  KeysetSelect where(String condition, String name, Object value) {
    filters.add(condition);
    filterParams.put(name, value);
    return this;
  }

  /** Adds a filter without placeholders (a fixed fragment such as an outcome). */
  KeysetSelect where(String condition) {
    filters.add(condition);
    return this;
  }

  /** Adds {@code has({name:Array(String)}, column)} unless {@code values} is empty. */
  KeysetSelect whereIn(String column, String name, Collection<String> values) {
    if (!values.isEmpty()) {
      where("has({" + name + ":Array(String)}, " + column + ")", name, List.copyOf(values));
    }
    return this;
  }

  /** Adds {@code from <= occurred_at < to} for the bounds that are present. */
  KeysetSelect during(Instant from, Instant to) {
    if (from != null) {
      where(
          "occurred_at >= fromUnixTimestamp64Milli({from_ms:Int64}, 'UTC')",
          "from_ms",
          from.toEpochMilli());
    }
    if (to != null) {
      where(
          "occurred_at < fromUnixTimestamp64Milli({to_ms:Int64}, 'UTC')",
          "to_ms",
          to.toEpochMilli());
    }
    return this;
  }

  /**
   * Step one: the positions ({@link #POSITION_COLUMNS}) of up to {@code rows} events strictly after
   * {@code after} (null: from the start) in the given direction.
   */
  Statement positions(boolean newestFirst, Keyset after, int rows) {
    List<String> where = new ArrayList<>(keyConditions);
    where.addAll(filters);
    Map<String, Object> values = new LinkedHashMap<>(keyParams);
    values.putAll(filterParams);
    if (after != null) {
      // The plain time bound lets ClickHouse skip granules by the primary key; the tuple
      // comparison then cuts exactly at the cursor.
      where.add(
          "occurred_at "
              + (newestFirst ? "<=" : ">=")
              + " fromUnixTimestamp64Milli({after_ms:Int64}, 'UTC')");
      where.add(POSITION + (newestFirst ? " < " : " > ") + CURSOR_TUPLE);
      values.put("after_ms", after.occurredAt().toEpochMilli());
      values.put("after_lsn", after.lsn());
      values.put("after_tx_order", after.txOrder());
      values.put("after_event", after.eventId());
    }
    values.put("rows", rows);
    String sql =
        "SELECT "
            + String.join(", ", POSITION_COLUMNS)
            + " FROM "
            + table
            + " WHERE "
            + String.join(" AND ", where)
            + " ORDER BY "
            + (newestFirst ? ORDER_DESC : ORDER_ASC)
            + " LIMIT {rows:UInt32}";
    return new Statement(sql, values);
  }

  /**
   * Step two: every column of the events {@code eventIds}, whose times lie in {@code [earliest,
   * latest]}, in no particular order (copies of an event included).
   */
  Statement rows(Collection<String> eventIds, Instant earliest, Instant latest) {
    List<String> where = new ArrayList<>(keyConditions);
    where.add("occurred_at >= fromUnixTimestamp64Milli({earliest_ms:Int64}, 'UTC')");
    where.add("occurred_at <= fromUnixTimestamp64Milli({latest_ms:Int64}, 'UTC')");
    where.add("has({event_ids:Array(String)}, event_id)");
    Map<String, Object> values = new LinkedHashMap<>(keyParams);
    values.put("earliest_ms", earliest.toEpochMilli());
    values.put("latest_ms", latest.toEpochMilli());
    values.put("event_ids", List.copyOf(eventIds));
    String sql = SELECT_ROWS + " FROM " + table + " WHERE " + String.join(" AND ", where);
    return new Statement(sql, values);
  }
}
