package io.activitytrail.clickhouse.http;

import io.activitytrail.clickhouse.embedded.ChdbResult;
import java.util.Map;

/**
 * Where the interface runs statements: a read-only session of the embedded store ({@link
 * io.activitytrail.clickhouse.embedded.EmbeddedSession#run}). Failures are {@link
 * io.activitytrail.clickhouse.ClickHouseException}s with ClickHouse's code and message.
 */
@FunctionalInterface
public interface ReadSession {

  /** Runs {@code sql} in {@code database}, output in {@code format}, parameters escaped text. */
  ChdbResult run(String sql, String format, String database, Map<String, String> escapedParams);
}
