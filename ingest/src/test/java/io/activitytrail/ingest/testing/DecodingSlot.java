package io.activitytrail.ingest.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A {@code test_decoding} replication slot: shows, as text, exactly what logical decoding will hand
 * to Debezium (row changes, logical messages, transaction boundaries), without Kafka in the way.
 */
public final class DecodingSlot implements AutoCloseable {
  private static final AtomicInteger SLOTS = new AtomicInteger();

  private final Connection connection;
  private final String name;

  private DecodingSlot(Connection connection, String name) {
    this.connection = connection;
    this.name = name;
  }

  public static DecodingSlot create(String jdbcUrl) throws SQLException {
    Connection c = DriverManager.getConnection(jdbcUrl, RealPostgres.USER, RealPostgres.PASSWORD);
    String name = "test_slot_" + ProcessHandle.current().pid() + "_" + SLOTS.incrementAndGet();
    try (PreparedStatement s =
        c.prepareStatement("SELECT pg_create_logical_replication_slot(?, 'test_decoding')")) {
      s.setString(1, name);
      s.execute();
    }
    return new DecodingSlot(c, name);
  }

  /**
   * Waits until at least {@code count} lines are decodable, then returns them all. Decoding reads
   * only flushed WAL, and a non-transactional message is flushed by the WAL writer shortly after,
   * not at once.
   */
  public List<String> awaitLines(int count) throws SQLException {
    return awaitUntil(lines -> lines.size() >= count);
  }

  /** Waits (up to 10 s) until the decoded lines satisfy {@code done}, then returns them. */
  public List<String> awaitUntil(Predicate<List<String>> done) throws SQLException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<String> lines = peek();
    while (!done.test(lines) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for decoded changes", e);
      }
      lines = peek();
    }
    return lines;
  }

  /** Decoded changes since the slot was created, one line each, without consuming them. */
  public List<String> peek() throws SQLException {
    List<String> lines = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT data FROM pg_logical_slot_peek_changes(?, NULL, NULL, 'include-xids', '0', 'skip-empty-xacts', '1')")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
    }
    return lines;
  }

  @Override
  public void close() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
      s.setString(1, name);
      s.execute();
    } finally {
      connection.close();
    }
  }
}
