package io.activitytrail.clickhouse.sink;

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
 * Each batch goes through a {@link BatchInserter}: retries, and refused rows reported instead of
 * failing the batch. Each write is measured ({@link SinkMetrics}).
 */
public final class ClickHouseSinkWriter<T> implements SinkWriter<T> {

  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseSinkWriter.class);

  private final BatchInserter<T> inserter;
  private final int batchSize;
  private final long flushIntervalMillis;
  private final ProcessingTimeService time;
  private final SinkMetrics<T> metrics;
  private final List<T> buffer = new ArrayList<>();
  private long lastWriteAt;
  private ScheduledFuture<?> timer;

  public ClickHouseSinkWriter(
      BatchInserter<T> inserter,
      int batchSize,
      Duration flushInterval,
      ProcessingTimeService time,
      SinkMetrics<T> metrics) {
    this.inserter = inserter;
    this.metrics = metrics;
    this.batchSize = batchSize;
    this.flushIntervalMillis = flushInterval.toMillis();
    this.time = time;
    this.lastWriteAt = time.getCurrentProcessingTime();
    scheduleTimer(lastWriteAt + flushIntervalMillis);
  }

  @Override
  public void write(T event, Context context) throws IOException, InterruptedException {
    buffer.add(event);
    if (buffer.size() >= batchSize || intervalPassed(time.getCurrentProcessingTime())) {
      writeBuffer();
    }
  }

  /**
   * Called before every checkpoint and at end of input: nothing buffered may outlive it, and the
   * reports of refused rows are confirmed before it returns.
   */
  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    writeBuffer();
  }

  /** Events waiting for the next write. */
  public int buffered() {
    return buffer.size();
  }

  @Override
  public void close() throws IOException {
    if (timer != null) {
      timer.cancel(false);
    }
    if (!buffer.isEmpty()) {
      // Not written on close: after a failure or cancel they are replayed from the last checkpoint.
      LOG.info(
          "closing with {} unflushed events; the checkpoint replay covers them", buffer.size());
    }
    inserter.close();
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
    // On failure the buffer stays: the job restarts from its checkpoint and nothing is dropped.
    long t0 = System.nanoTime();
    int refused = inserter.insert(buffer);
    metrics.written(buffer, refused, System.nanoTime() - t0);
    buffer.clear();
  }
}
