package io.activitytrail.clickhouse.sink;

import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.ClickHouseException;
import io.activitytrail.clickhouse.JsonEachRow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * An activity table in memory that refuses, like ClickHouse, a whole insert when one of its rows
 * has a record id containing {@link #MARKER} (code 27, a value it cannot parse), and that can be
 * told to fail the next inserts with a given error first.
 */
final class FakeClickHouse implements ClickHouse {
  static final String MARKER = "REFUSE";

  final List<String> written = new ArrayList<>();
  final List<Integer> insertSizes = new ArrayList<>();
  private final Deque<ClickHouseException> failures = new ArrayDeque<>();
  boolean closed;

  /** The next {@code times} inserts fail with {@code error}, whatever their rows. */
  void failNext(int times, ClickHouseException error) {
    for (int i = 0; i < times; i++) {
      failures.add(error);
    }
  }

  @Override
  public void insert(String table, List<String> columns, byte[] jsonEachRow) {
    List<Map<String, Object>> rows = JsonEachRow.parse(jsonEachRow);
    insertSizes.add(rows.size());
    if (!failures.isEmpty()) {
      throw failures.poll();
    }
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).get("record_id").toString().contains(MARKER)) {
        throw ClickHouseException.fromMessage(
            "insert into " + table,
            "Code: 27. DB::Exception: Cannot parse input: expected a record id: (at row "
                + (i + 1)
                + ")");
      }
    }
    rows.forEach(row -> written.add(row.get("event_id").toString()));
  }

  @Override
  public void execute(String sql) {
    throw new UnsupportedOperationException(sql);
  }

  @Override
  public List<Map<String, Object>> query(String sql, Map<String, ?> params) {
    throw new UnsupportedOperationException(sql);
  }

  @Override
  public List<byte[]> queryStrings(String sql, Map<String, ?> params) {
    throw new UnsupportedOperationException(sql);
  }

  @Override
  public void close() {
    closed = true;
  }
}
