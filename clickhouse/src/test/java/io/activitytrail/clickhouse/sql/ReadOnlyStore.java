package io.activitytrail.clickhouse.sql;

import io.activitytrail.clickhouse.ComplianceDataset;
import io.activitytrail.clickhouse.TestClickHouse;
import io.activitytrail.clickhouse.embedded.EmbeddedClickHouse;
import io.activitytrail.clickhouse.embedded.EmbeddedSession;
import io.activitytrail.clickhouse.embedded.LibChdb;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * This test JVM's store with the compliance dataset loaded once, read through a read-only session
 * (as people and tools read it): results come back in any ClickHouse format, as text.
 */
public final class ReadOnlyStore {

  private static String database;
  private static EmbeddedSession session;

  private ReadOnlyStore() {}

  /** The database holding the dataset, loaded on first use. */
  public static synchronized String database() {
    if (database == null) {
      database = TestClickHouse.freshDatabase();
      try (EmbeddedClickHouse ch = TestClickHouse.open()) {
        ComplianceDataset.load(ch, database);
      }
      session =
          EmbeddedSession.open(
              LibChdb.locate(),
              TestClickHouse.dataDir(),
              Map.of("readonly", "1", "output_format_json_quote_64bit_integers", "0"));
    }
    return database;
  }

  /** {@code sql} run on the dataset's database, in {@code format}. */
  public static String run(String sql, String format, Map<String, String> escapedParams) {
    String db = database();
    return new String(session.run(sql, format, db, escapedParams).output(), StandardCharsets.UTF_8);
  }
}
