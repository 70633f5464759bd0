package io.activitytrail.clickhouse.sink;

import io.activitytrail.clickhouse.ClickHouseMigrations;
import io.activitytrail.clickhouse.RetryPolicy;
import io.activitytrail.clickhouse.target.ClickHouseTarget;
import io.activitytrail.event.ActivityEvent;
import java.io.IOException;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes activity events into {@code <database>.activity}, at least once: events are buffered and
 * written when {@code batchSize} is reached, when {@code flushInterval} has passed, and before
 * every checkpoint (Flink calls {@link SinkWriter#flush}), so a checkpoint completes only after its
 * events are in ClickHouse. Duplicates after a restart collapse in the table (ReplacingMergeTree on
 * the deterministic event id). Retriable ClickHouse errors are retried per {@link
 * RetryPolicy#DEFAULT}; then the job fails and restarts from the last checkpoint. The schema must
 * exist: run {@link ClickHouseMigrations#apply} before the job starts.
 */
public final class ClickHouseSink implements Sink<ActivityEvent> {

  private static final long serialVersionUID = 1L;

  private final ClickHouseTarget target;
  private final int batchSize;
  private final Duration flushInterval;

  public ClickHouseSink(ClickHouseTarget target, int batchSize, Duration flushInterval) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    if (flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException("flushInterval must be positive, got " + flushInterval);
    }
    this.target = target;
    this.batchSize = batchSize;
    this.flushInterval = flushInterval;
  }

  @Override
  public SinkWriter<ActivityEvent> createWriter(WriterInitContext context) throws IOException {
    return new ClickHouseSinkWriter(
        target.connect(),
        target.database(),
        batchSize,
        flushInterval,
        context.getProcessingTimeService(),
        RetryPolicy.DEFAULT,
        Thread::sleep);
  }
}
