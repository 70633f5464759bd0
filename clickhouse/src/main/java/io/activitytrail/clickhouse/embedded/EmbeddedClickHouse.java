package io.activitytrail.clickhouse.embedded;

import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.JsonEachRow;
import io.activitytrail.clickhouse.QueryParameters;
import io.activitytrail.clickhouse.RowBinaryStrings;
import io.activitytrail.clickhouse.SqlStatements;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * ClickHouse in this process, through chDB. Every instance is a handle on the one process-wide
 * engine for its storage path: closing a handle makes that handle refuse further use but keeps the
 * engine running for the other handles (chDB is meant to start once per process; the engine closes
 * at JVM exit). Row data always travels through chDB's stream-insert calls, never inline in SQL
 * text, where a blank line would end it.
 */
public final class EmbeddedClickHouse implements ClickHouse {

  private static final String ROW_FORMAT = "JSONEachRow";

  private final ChdbEngine engine;
  private volatile boolean closed;

  private EmbeddedClickHouse(ChdbEngine engine) {
    this.engine = engine;
  }

  /**
   * A handle on the engine for {@code dataDir}, starting it on first use. A second, different path
   * in the same process is an error, as is a path another process holds.
   */
  public static EmbeddedClickHouse open(Path library, Path dataDir) {
    return new EmbeddedClickHouse(ChdbEngine.open(library, dataDir));
  }

  /** The storage path of the engine behind this handle. */
  public Path dataDir() {
    return engine.dataDir();
  }

  @Override
  public void execute(String sql) {
    ensureOpen();
    engine.query(sql, "TabSeparated", Map.of());
  }

  @Override
  public void insert(String table, List<String> columns, byte[] jsonEachRow) {
    ensureOpen();
    if (jsonEachRow.length == 0) {
      return;
    }
    engine.insert(SqlStatements.insertInto(table, columns), ROW_FORMAT, jsonEachRow);
  }

  @Override
  public List<Map<String, Object>> query(String sql, Map<String, ?> params) {
    ensureOpen();
    return JsonEachRow.parse(engine.query(sql, ROW_FORMAT, QueryParameters.toText(params)));
  }

  @Override
  public List<byte[]> queryStrings(String sql, Map<String, ?> params) {
    ensureOpen();
    return RowBinaryStrings.parse(engine.query(sql, "RowBinary", QueryParameters.toText(params)));
  }

  @Override
  public void close() {
    closed = true;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException(
          "this embedded ClickHouse handle on " + engine.dataDir() + " is closed");
    }
  }
}
