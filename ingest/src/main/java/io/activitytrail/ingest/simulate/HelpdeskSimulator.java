package io.activitytrail.ingest.simulate;

import io.activitytrail.ingest.simulate.HelpdeskState.Workspace;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a realistic helpdesk workload into the reference schema (created by {@code
 * HelpdeskSchema.migrate}): on first use it seeds the workspaces, then performs a weighted mix of
 * operations, each in its own transaction that carries a {@code trail.context} message, except the
 * direct-SQL ones. The same seed on the same starting database writes the same rows (timestamps
 * aside).
 */
public final class HelpdeskSimulator {
  private static final Logger LOG = LoggerFactory.getLogger(HelpdeskSimulator.class);

  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final SimulatorOptions options;

  public HelpdeskSimulator(String jdbcUrl, String user, String password, SimulatorOptions options) {
    this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    this.user = Objects.requireNonNull(user, "user");
    this.password = Objects.requireNonNull(password, "password");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Runs until {@code maxOperations} are done or {@code maxDuration} has passed, whichever comes
   * first.
   *
   * @param operationsPerSecond the pace; {@code Double.POSITIVE_INFINITY} for as fast as the
   *     database allows
   * @throws SimulationException if the database refuses a write (the failed operation is rolled
   *     back)
   */
  public SimulationReport run(int maxOperations, Duration maxDuration, double operationsPerSecond) {
    if (maxOperations < 0) {
      throw new IllegalArgumentException("maxOperations must be >= 0, got " + maxOperations);
    }
    if (maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()) {
      throw new IllegalArgumentException("maxDuration must be positive, got " + maxDuration);
    }
    if (!(operationsPerSecond > 0)) {
      throw new IllegalArgumentException(
          "operationsPerSecond must be > 0, got " + operationsPerSecond);
    }
    SplittableRandom random = new SplittableRandom(options.seed());
    Actors actors = new Actors(random);
    Workload workload =
        new Workload(
            new TicketOperations(random, actors),
            new DirectoryOperations(random, actors),
            new AuditOperations(random, actors, Clock.systemUTC()),
            new DirectSqlOperations(random),
            new NotificationOperations(random, actors));
    long start = System.nanoTime();
    long deadline = start + maxDuration.toNanos();
    Map<String, Integer> byKind = new HashMap<>();
    int done = 0;
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
      c.setAutoCommit(false);
      List<String> ids = new Seeder(random, actors).ensureSeeded(c, options.workspaces());
      HelpdeskState state = HelpdeskState.load(c, ids);
      c.commit();
      while (done < maxOperations && waitForTurn(start, deadline, done, operationsPerSecond)) {
        Workspace w = state.pickWorkspace(random);
        OperationKind kind = workload.perform(c, w, OperationKind.pick(random));
        byKind.merge(kind.wireName(), 1, Integer::sum);
        done++;
      }
    } catch (SQLException e) {
      throw new SimulationException(
          "simulator: database error after " + done + " operations: " + e.getMessage(), e);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    LOG.info("simulated {} operations in {} ms", done, elapsed.toMillis());
    return new SimulationReport(done, byKind, elapsed);
  }

  /** Sleeps until operation number {@code done} is due; false once the time budget is spent. */
  private static boolean waitForTurn(long start, long deadline, int done, double perSecond) {
    long due = Double.isInfinite(perSecond) ? start : start + (long) (done * 1e9 / perSecond);
    long now = System.nanoTime();
    if (due >= deadline) {
      return false;
    }
    if (due > now) {
      try {
        Thread.sleep(Duration.ofNanos(due - now).toMillis(), (int) ((due - now) % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return System.nanoTime() < deadline;
  }
}
