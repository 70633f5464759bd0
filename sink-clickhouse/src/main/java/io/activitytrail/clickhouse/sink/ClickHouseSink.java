package io.activitytrail.clickhouse.sink;

import io.activitytrail.clickhouse.ClickHouseException;
import io.activitytrail.clickhouse.ClickHouseMigrations;
import io.activitytrail.clickhouse.RetryPolicy;
import io.activitytrail.clickhouse.target.ClickHouseTarget;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes rows into a table of {@code <database>} ({@link RowFormat}: activities, notifications), at
 * least once: rows are buffered and written when {@code batchSize} is reached, when {@code
 * flushInterval} has passed, and before every checkpoint (Flink calls {@link SinkWriter#flush}), so
 * a checkpoint completes only after its rows are in ClickHouse. Duplicates after a restart collapse
 * in the table (ReplacingMergeTree on a deterministic id). Retriable ClickHouse errors are retried
 * per the {@link RetryPolicy}; then the job fails and restarts from the last checkpoint. Rows
 * ClickHouse refuses for what they hold go to the {@link RefusedRowReporter} (counted as dead
 * letters of stage {@code sink}, reason {@code refused_row}) and the rest of their batch is
 * written. What it measures: {@link SinkMetrics}. The schema must exist: run {@link
 * ClickHouseMigrations#apply} before the job starts.
 */
public final class ClickHouseSink<T> implements Sink<T> {

  private static final long serialVersionUID = 1L;

  private final ClickHouseTarget target;
  private final RowFormat<T> format;
  private final int batchSize;
  private final Duration flushInterval;
  private final RetryPolicy retry;
  private final RefusedRowReporter.Factory<T> refusedRows;

  public ClickHouseSink(
      ClickHouseTarget target,
      RowFormat<T> format,
      int batchSize,
      Duration flushInterval,
      RetryPolicy retry,
      RefusedRowReporter.Factory<T> refusedRows) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    if (flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException("flushInterval must be positive, got " + flushInterval);
    }
    this.target = target;
    this.format = format;
    this.batchSize = batchSize;
    this.flushInterval = flushInterval;
    this.retry = retry;
    this.refusedRows = refusedRows;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
    SinkMetrics<T> metrics = new SinkMetrics<>(context.metricGroup(), format, Clock.systemUTC());
    RefusedRowReporter<T> reporter = new Counted<>(refusedRows.create(), metrics);
    BatchInserter<T> inserter =
        new BatchInserter<>(
            target.connect(), target.database(), format, retry, Thread::sleep, reporter);
    return new ClickHouseSinkWriter<>(
        inserter, batchSize, flushInterval, context.getProcessingTimeService(), metrics);
  }

  /** Counts the reports that succeeded. */
  private record Counted<T>(RefusedRowReporter<T> delegate, SinkMetrics<T> metrics)
      implements RefusedRowReporter<T> {
    @Override
    public void report(T event, ClickHouseException reason) throws IOException {
      delegate.report(event, reason);
      metrics.refused();
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }
}
