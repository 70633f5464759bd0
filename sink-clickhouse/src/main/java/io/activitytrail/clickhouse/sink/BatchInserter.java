package io.activitytrail.clickhouse.sink;

import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.ClickHouseException;
import io.activitytrail.clickhouse.RetryPolicy;
import io.activitytrail.clickhouse.SqlIdentifiers;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inserts a batch of rows into their table ({@link RowFormat}): retriable errors are retried per
 * the {@link RetryPolicy}; rows ClickHouse refuses are found by splitting the batch in halves and
 * reported one by one, while the rest is written. Any other failure propagates.
 *
 * <p>Re-sending a half can write a row twice (an insert that spans partitions is not atomic, and a
 * half that succeeded stays written while its sibling is split further). That is harmless: the
 * tables are ReplacingMergeTrees keyed on deterministic ids, and every read collapses equal ids,
 * exactly as for the replays after a restart.
 */
public final class BatchInserter<T> implements AutoCloseable {

  /** Waits between retries; a parameter so tests need not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(BatchInserter.class);

  private final ClickHouse ch;
  private final RowFormat<T> format;
  private final String table;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final RefusedRowReporter<T> refusedRows;

  public BatchInserter(
      ClickHouse ch,
      String database,
      RowFormat<T> format,
      RetryPolicy retry,
      Sleeper sleeper,
      RefusedRowReporter<T> refusedRows) {
    this.ch = ch;
    this.format = format;
    this.table =
        SqlIdentifiers.require(database, "database")
            + "."
            + SqlIdentifiers.require(format.table(), "table");
    this.retry = retry;
    this.sleeper = sleeper;
    this.refusedRows = refusedRows;
  }

  /**
   * Writes the rows, except those ClickHouse refuses, which are reported. Returns how many were
   * refused.
   *
   * @throws IOException when retries are exhausted, the failure is not about the rows, or a refused
   *     row cannot be reported; the caller keeps the batch (the job restarts with it)
   */
  public int insert(List<T> events) throws IOException, InterruptedException {
    if (events.isEmpty()) {
      return 0;
    }
    ClickHouseException refusal = insertWithRetries(events);
    if (refusal == null) {
      return 0;
    }
    if (events.size() == 1) {
      T event = events.get(0);
      LOG.warn(
          "ClickHouse refused {} (code {}); reporting it as a dead letter: {}",
          format.describe(event),
          refusal.code(),
          refusal.getMessage());
      refusedRows.report(event, refusal);
      return 1;
    }
    LOG.info(
        "ClickHouse refused a batch of {} rows (code {}); splitting it to find the refused rows",
        events.size(),
        refusal.code());
    int half = events.size() / 2;
    return insert(events.subList(0, half)) + insert(events.subList(half, events.size()));
  }

  /** Null when written; the refusal when ClickHouse refused rows of it. */
  private ClickHouseException insertWithRetries(List<T> events)
      throws IOException, InterruptedException {
    byte[] rows = format.toJsonEachRow(events);
    for (int attempt = 1; ; attempt++) {
      try {
        ch.insert(table, format.columns(), rows);
        return null;
      } catch (ClickHouseException e) {
        if (e.refusesRows()) {
          return e;
        }
        if (!e.isRetriable() || attempt >= retry.maxAttempts()) {
          throw new IOException(
              "writing "
                  + events.size()
                  + " rows to "
                  + table
                  + " failed after "
                  + attempt
                  + " attempt(s)"
                  + (e.isRetriable() ? "" : " (not retriable, and not about the rows)"),
              e);
        }
        Duration wait = retry.backoffAfter(attempt);
        LOG.warn(
            "writing {} rows to {} failed (attempt {} of {}), retrying in {} ms: {}",
            events.size(),
            table,
            attempt,
            retry.maxAttempts(),
            wait.toMillis(),
            e.getMessage());
        sleeper.sleep(wait.toMillis());
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      refusedRows.close();
    } finally {
      ch.close();
    }
  }
}
