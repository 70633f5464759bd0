package io.activitytrail.clickhouse.http;

import io.activitytrail.clickhouse.TestClickHouse;
import io.activitytrail.clickhouse.embedded.EmbeddedSession;
import io.activitytrail.clickhouse.embedded.LibChdb;
import io.activitytrail.clickhouse.sql.ReadOnlyStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * One SQL interface per test JVM over the compliance dataset, with small limits (2 s, 200 MiB,
 * 1,000 rows, 1 MiB) so that tests can reach them.
 */
final class SqlInterface {

  static final SqlCredentials CREDENTIALS = new SqlCredentials("auditor", "s3cret pass");
  static final ReadOnlyLimits LIMITS =
      new ReadOnlyLimits(Duration.ofSeconds(2), 200L << 20, 1_000, 1L << 20);

  private static ClickHouseHttpServer server;

  private SqlInterface() {}

  static synchronized ClickHouseHttpServer server() {
    if (server == null) {
      String database = ReadOnlyStore.database();
      EmbeddedSession session =
          EmbeddedSession.open(
              LibChdb.locate(), TestClickHouse.dataDir(), LIMITS.sessionSettings());
      try {
        server =
            ClickHouseHttpServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                session::run,
                CREDENTIALS,
                database);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  static String url() {
    return "http://127.0.0.1:" + server().port();
  }

  static String database() {
    server();
    return ReadOnlyStore.database();
  }
}
