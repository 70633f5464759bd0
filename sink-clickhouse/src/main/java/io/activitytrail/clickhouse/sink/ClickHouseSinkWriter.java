package io.activitytrail.clickhouse.sink;

import io.activitytrail.clickhouse.ActivityRows;
import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.ClickHouseException;
import io.activitytrail.clickhouse.RetryPolicy;
import io.activitytrail.clickhouse.SqlIdentifiers;
import io.activitytrail.event.ActivityEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buffering writer behind {@link ClickHouseSink}. Flink calls {@code write}, {@code flush} and
 * the timer callback from the task's mailbox thread, one at a time, so the buffer needs no locking.
 */
public final class ClickHouseSinkWriter implements SinkWriter<ActivityEvent> {

  /** Waits between retries; a parameter so tests need not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseSinkWriter.class);

  private final ClickHouse ch;
  private final String table;
  private final int batchSize;
  private final long flushIntervalMillis;
  private final ProcessingTimeService time;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final List<ActivityEvent> buffer = new ArrayList<>();
  private long lastWriteAt;
  private ScheduledFuture<?> timer;

  public ClickHouseSinkWriter(
      ClickHouse ch,
      String database,
      int batchSize,
      Duration flushInterval,
      ProcessingTimeService time,
      RetryPolicy retry,
      Sleeper sleeper) {
    this.ch = ch;
    this.table = SqlIdentifiers.require(database, "database") + ".activity";
    this.batchSize = batchSize;
    this.flushIntervalMillis = flushInterval.toMillis();
    this.time = time;
    this.retry = retry;
    this.sleeper = sleeper;
    this.lastWriteAt = time.getCurrentProcessingTime();
    scheduleTimer(lastWriteAt + flushIntervalMillis);
  }

  @Override
  public void write(ActivityEvent event, Context context) throws IOException, InterruptedException {
    buffer.add(event);
    if (buffer.size() >= batchSize || intervalPassed(time.getCurrentProcessingTime())) {
      writeBuffer();
    }
  }

  /** Called before every checkpoint and at end of input: nothing buffered may outlive it. */
  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    writeBuffer();
  }

  /** Events waiting for the next write. */
  public int buffered() {
    return buffer.size();
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.cancel(false);
    }
    if (!buffer.isEmpty()) {
      // Not written on close: after a failure or cancel they are replayed from the last checkpoint.
      LOG.info(
          "closing with {} unflushed events; the checkpoint replay covers them", buffer.size());
    }
    ch.close();
  }

  private void onTimer(long timestamp) throws IOException, InterruptedException {
    if (!buffer.isEmpty() && intervalPassed(timestamp)) {
      writeBuffer();
    }
    scheduleTimer(Math.max(timestamp, lastWriteAt) + flushIntervalMillis);
  }

  private void scheduleTimer(long at) {
    timer = time.registerTimer(at, this::onTimer);
  }

  private boolean intervalPassed(long now) {
    return now - lastWriteAt >= flushIntervalMillis;
  }

  private void writeBuffer() throws IOException, InterruptedException {
    lastWriteAt = time.getCurrentProcessingTime();
    if (buffer.isEmpty()) {
      return;
    }
    byte[] rows = ActivityRows.toJsonEachRow(buffer);
    for (int attempt = 1; ; attempt++) {
      try {
        ch.insert(table, ActivityRows.COLUMNS, rows);
        buffer.clear();
        return;
      } catch (ClickHouseException e) {
        if (!e.isRetriable() || attempt >= retry.maxAttempts()) {
          throw new IOException(
              "writing "
                  + buffer.size()
                  + " events to "
                  + table
                  + " failed after "
                  + attempt
                  + " attempt(s)"
                  + (e.isRetriable() ? "" : " (not retriable)"),
              e);
        }
        Duration wait = retry.backoffAfter(attempt);
        LOG.warn(
            "writing {} events to {} failed (attempt {} of {}), retrying in {} ms: {}",
            buffer.size(),
            table,
            attempt,
            retry.maxAttempts(),
            wait.toMillis(),
            e.getMessage());
        sleeper.sleep(wait.toMillis());
      }
    }
  }
}
