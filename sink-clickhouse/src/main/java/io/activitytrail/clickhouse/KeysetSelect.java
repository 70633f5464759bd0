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
 * <p>A page is read in two steps inside one statement ({@link #page}). The subquery ({@link
 * #positions}) finds the page: only the sort columns, in key order (the sorting keys end with
 * exactly the page order, V003), so ClickHouse reads a few granules in order and stops at the
 * LIMIT. The outer query then reads every column of just those positions. Every column costs a
 * stream to open and decode per part, so reading them for the page's rows only is what pays:
 * measured at 1M events (2 cores, loaded), all columns {@code ORDER BY ... LIMIT} 17-21 ms, the
 * positions then the rows as two statements 14-20 ms, both in one statement 13-14 ms (each
 * statement has a fixed cost of a few ms in chDB: planning, opening parts).
 *
 * <p>{@code max_threads = 1}: a page reads a few granules, so more threads only add scheduling and
 * contend for the two cores with other requests (positions p90 15 -> 10 ms).
 *
 * <p>No statement collapses duplicates: the copies of an event written twice carry the same sort
 * values, so once {@link ActivityQueries} sorts a page they are adjacent and it drops the repeats.
 * Measured at 200k rows, {@code LIMIT 1 BY event_id} cost 4-6x a plain {@code ORDER BY ... LIMIT}
 * and {@code FINAL} 1.5x.
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
  private static final String SETTINGS = " SETTINGS max_threads = 1";

  private final String table;
  private final List<String> keyConditions = new ArrayList<>();
  private final List<String> filters = new ArrayList<>();
  private final Map<String, Object> keyParams = new LinkedHashMap<>();
  private final Map<String, Object> filterParams = new LinkedHashMap<>();
  private boolean narrow;

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
    return ordered(String.join(", ", POSITION_COLUMNS), newestFirst, after, rows, "");
  }

  private Statement ordered(
      String columns, boolean newestFirst, Keyset after, int rows, String settings) {
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
            + columns
            + " FROM "
            + table
            + " WHERE "
            + String.join(" AND ", where)
            + " ORDER BY "
            + (newestFirst ? ORDER_DESC : ORDER_ASC)
            + " LIMIT {rows:UInt32}"
            + settings;
    return new Statement(sql, values);
  }

  /**
   * Marks the key prefix as one record's: so few rows that {@link #page} reads every column in key
   * order directly. The lookup of positions costs more than it saves there: measured at 1M events
   * over random tickets, 21 ms median this way, 28 ms with the positions subquery, 32 ms as two
   * statements.
   */
  KeysetSelect narrow() {
    narrow = true;
    return this;
  }

  /**
   * The whole page in one statement: every column of the events at the positions {@link #positions}
   * finds, in no particular order (copies of an event included, also copies of the last position
   * that the LIMIT cut off). The key prefix is repeated outside so ClickHouse looks the positions
   * up inside one short key range.
   */
  Statement page(boolean newestFirst, Keyset after, int rows) {
    if (narrow) {
      return ordered(String.join(", ", ActivityRows.COLUMNS), newestFirst, after, rows, SETTINGS);
    }
    Statement positions = positions(newestFirst, after, rows);
    String sql =
        SELECT_ROWS
            + " FROM "
            + table
            + " WHERE "
            + String.join(" AND ", keyConditions)
            + " AND "
            + POSITION
            + " IN ("
            + positions.sql()
            + ")"
            + SETTINGS;
    return new Statement(sql, positions.params());
  }
}
