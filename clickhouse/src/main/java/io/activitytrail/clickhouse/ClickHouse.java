package io.activitytrail.clickhouse;

import java.util.List;
import java.util.Map;

/**
 * The one way the project talks to ClickHouse, whether embedded (chDB) or a server. Both adapters
 * run the same SQL text and exchange rows as JSONEachRow (single text columns as RowBinary).
 *
 * <p>Rows returned by {@link #query} are parsed with Jackson: strings, booleans, numbers ({@code
 * Integer}, {@code Long}, or {@code BigInteger} for values beyond a long; 64-bit integers are
 * numbers, not quoted strings, because both adapters set {@code
 * output_format_json_quote_64bit_integers=0}), lists for arrays, maps for maps and named tuples,
 * and {@code null}. {@code DateTime64} columns arrive as text {@code yyyy-MM-dd HH:mm:ss.SSS} in
 * the column's time zone.
 *
 * <p>Failures are {@link ClickHouseException}s that say whether a retry may succeed.
 */
public interface ClickHouse extends AutoCloseable {

  /** Runs DDL or a command that returns no rows. */
  void execute(String sql);

  /**
   * Inserts rows given as JSONEachRow bytes (one JSON object per line) into {@code table}, which
   * may be qualified as {@code database.table}; only the named columns are written, the others take
   * their defaults.
   */
  void insert(String table, List<String> columns, byte[] jsonEachRow);

  /**
   * Runs a SELECT whose {@code {name:Type}} placeholders are bound from {@code params}; values
   * travel apart from the SQL text and are never pasted into it. See {@link QueryParameters} for
   * the value types accepted.
   */
  List<Map<String, Object>> query(String sql, Map<String, ?> params);

  /**
   * Runs a SELECT of exactly one {@code String} column, bound like {@link #query}, and returns each
   * row's value as the bytes ClickHouse holds (read as RowBinary: nothing escaped or re-encoded).
   * Page reads use it for their {@code payload} column.
   */
  List<byte[]> queryStrings(String sql, Map<String, ?> params);

  @Override
  void close();
}
