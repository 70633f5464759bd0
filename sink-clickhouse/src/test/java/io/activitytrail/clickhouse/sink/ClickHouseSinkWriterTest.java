package io.activitytrail.clickhouse.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.activitytrail.clickhouse.ActivityQueries;
import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.ClickHouseException;
import io.activitytrail.clickhouse.ClickHouseMigrations;
import io.activitytrail.clickhouse.FeedFilter;
import io.activitytrail.clickhouse.RetryPolicy;
import io.activitytrail.clickhouse.TestClickHouse;
import io.activitytrail.clickhouse.TestEvents;
import io.activitytrail.event.ActivityEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.metrics.testutils.MetricListener;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClickHouseSinkWriterTest {

  private static final RetryPolicy THREE_TRIES =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(150));

  private final TestProcessingTimeService time = new TestProcessingTimeService();
  private final MetricListener listener = new MetricListener();
  // the lag's clock: a day after TestEvents' base time; event n was committed n minutes after it
  private final SinkMetrics<ActivityEvent> metrics =
      new SinkMetrics<>(
          listener.getMetricGroup(),
          RowFormat.ACTIVITIES,
          Clock.fixed(TestEvents.AN_HOUR_AGO.plus(Duration.ofDays(1)), ZoneOffset.UTC));
  private final List<Long> sleeps = new ArrayList<>();
  private final RecordingReporter reporter = new RecordingReporter();
  private String db;
  private ActivityQueries queries;

  @BeforeEach
  void setUp() throws Exception {
    time.setCurrentTime(1_000);
    db = TestClickHouse.freshDatabase();
    ClickHouseMigrations.apply(TestClickHouse.open(), db);
    queries = new ActivityQueries(TestClickHouse.open(), db);
  }

  @Test
  @DisplayName("a full batch is written at once; a partial batch waits")
  void writesWhenBatchIsFull() throws Exception {
    try (ClickHouseSinkWriter<ActivityEvent> writer = writer(TestClickHouse.open(), 3)) {
      writer.write(event(1), null);
      writer.write(event(2), null);
      assertThat(queries.count("ws-sink")).isZero();

      writer.write(event(3), null);

      assertThat(queries.count("ws-sink")).isEqualTo(3);
      assertThat(writer.buffered()).isZero();
    }
  }

  @Test
  @DisplayName("flush (before every checkpoint) writes whatever is buffered")
  void flushWritesBuffer() throws Exception {
    try (ClickHouseSinkWriter<ActivityEvent> writer = writer(TestClickHouse.open(), 100)) {
      writer.write(event(1), null);
      writer.write(event(2), null);

      writer.flush(false);

      assertThat(queries.feed(FeedFilter.all("ws-sink"), 10, null).items())
          .extracting(ActivityEvent::getEventId)
          .containsExactly("e-2", "e-1");
    }
  }

  @Test
  @DisplayName(
      "the processing-time timer writes a partial batch once the flush interval has passed")
  void timerWritesAfterInterval() throws Exception {
    try (ClickHouseSinkWriter<ActivityEvent> writer = writer(TestClickHouse.open(), 100)) {
      writer.write(event(1), null);
      time.advance(4_999);
      assertThat(queries.count("ws-sink")).isZero();

      time.advance(1);

      assertThat(queries.count("ws-sink")).isEqualTo(1);
      assertThat(time.getNumActiveTimers()).as("the timer re-arms itself").isEqualTo(1);
    }
  }

  @Test
  @DisplayName("retriable errors are retried with backoff, then the batch lands once")
  void retriesRetriableErrors() throws Exception {
    FlakyClickHouse flaky = new FlakyClickHouse(TestClickHouse.open(), 2);
    try (ClickHouseSinkWriter<ActivityEvent> writer = writer(flaky, 100)) {
      writer.write(event(1), null);

      writer.flush(false);

      assertThat(sleeps).containsExactly(100L, 150L);
      assertThat(queries.count("ws-sink")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName(
      "after the last attempt the failure propagates (the job restarts) and nothing is dropped")
  void failsAfterBoundedRetries() throws Exception {
    FlakyClickHouse down = new FlakyClickHouse(TestClickHouse.open(), Integer.MAX_VALUE);
    ClickHouseSinkWriter<ActivityEvent> writer = writer(down, 100);
    writer.write(event(1), null);

    assertThatThrownBy(() -> writer.flush(false))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("failed after 3 attempt(s)")
        .hasCauseInstanceOf(ClickHouseException.class);
    assertThat(writer.buffered()).as("the batch is kept, not dropped").isEqualTo(1);
    assertThat(down.attempts).isEqualTo(3);
  }

  @Test
  @DisplayName(
      "rows the real table refuses (negative retention, year 9999) are reported with ClickHouse's"
          + " code, and the rest of their batch is stored")
  void realRefusalsAreReported() throws Exception {
    ActivityEvent negativeRetention = event(2);
    negativeRetention.setRetentionDays(-1);
    ActivityEvent farFuture = event(4);
    farFuture.setOccurredAt(Instant.parse("9999-12-31T23:59:59.999Z"));
    try (ClickHouseSinkWriter<ActivityEvent> writer = writer(TestClickHouse.open(), 100)) {
      for (ActivityEvent e : List.of(event(1), negativeRetention, event(3), farFuture, event(5))) {
        writer.write(e, null);
      }

      writer.flush(false);

      assertThat(reporter.reports)
          .extracting(RecordingReporter.Report::eventId, RecordingReporter.Report::code)
          .containsExactly(tuple("e-2", 72), tuple("e-4", 469));
      assertThat(reporter.reports.get(0).message())
          .contains("Unsigned type must not contain '-' symbol", "retention_days");
      assertThat(reporter.reports.get(1).message()).contains("occurred_at_in_ttl_range");
      assertThat(queries.feed(FeedFilter.all("ws-sink"), 10, null).items())
          .extracting(ActivityEvent::getEventId)
          .containsExactly("e-5", "e-3", "e-1");
      assertThat(writer.buffered()).isZero();
    }
  }

  @Test
  @DisplayName("an error about the statement (unknown table) fails at once: no retry, no report")
  void statementErrorFailsFast() throws Exception {
    ClickHouseSinkWriter<ActivityEvent> writer =
        new ClickHouseSinkWriter<>(
            new BatchInserter<>(
                TestClickHouse.open(),
                "no_such_db",
                RowFormat.ACTIVITIES,
                THREE_TRIES,
                sleeps::add,
                reporter),
            1,
            Duration.ofSeconds(5),
            time,
            metrics);

    assertThatThrownBy(() -> writer.write(event(1), null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not about the rows")
        .cause()
        .satisfies(e -> assertThat(((ClickHouseException) e).code()).isIn(60, 81));
    assertThat(sleeps).isEmpty();
    assertThat(reporter.reports).isEmpty();
    assertThat(writer.buffered()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "each write is measured: events written, the batch's size, and each event's lag from commit"
          + " to written")
  void writesAreMeasured() throws Exception {
    try (ClickHouseSinkWriter<ActivityEvent> writer = writer(TestClickHouse.open(), 2)) {
      writer.write(event(1), null);
      writer.write(event(2), null);
      writer.write(event(3), null);
      writer.flush(false);
    }

    assertThat(listener.getCounter("trail", "stage", "sink", "events"))
        .hasValueSatisfying(c -> assertThat(c.getCount()).isEqualTo(3));
    assertThat(listener.getHistogram("trail", "sink", "batchSize"))
        .hasValueSatisfying(
            h -> {
              assertThat(h.getCount()).isEqualTo(2);
              assertThat(h.getStatistics().getMax()).isEqualTo(2);
              assertThat(h.getStatistics().getMin()).isEqualTo(1);
            });
    assertThat(listener.getHistogram("trail", "sink", "writeLatencyMs"))
        .hasValueSatisfying(h -> assertThat(h.getCount()).isEqualTo(2));
    long day = Duration.ofDays(1).toMillis();
    assertThat(listener.getHistogram("trail", "sink", "endToEndLagMs"))
        .hasValueSatisfying(
            h -> {
              assertThat(h.getCount()).isEqualTo(3);
              assertThat(h.getStatistics().getMax()).isEqualTo(day - 60_000);
              assertThat(h.getStatistics().getMin()).isEqualTo(day - 3 * 60_000);
            });
  }

  private ClickHouseSinkWriter<ActivityEvent> writer(ClickHouse ch, int batchSize) {
    return new ClickHouseSinkWriter<>(
        new BatchInserter<>(ch, db, RowFormat.ACTIVITIES, THREE_TRIES, sleeps::add, reporter),
        batchSize,
        Duration.ofSeconds(5),
        time,
        metrics);
  }

  private static ActivityEvent event(int n) {
    return TestEvents.ticketUpdated("e-" + n, "ws-sink", "t-" + n, n, n);
  }

  /** Fails the first {@code failures} inserts with a retriable error, then delegates. */
  private static final class FlakyClickHouse implements ClickHouse {
    private final ClickHouse delegate;
    private final int failures;
    int attempts;

    FlakyClickHouse(ClickHouse delegate, int failures) {
      this.delegate = delegate;
      this.failures = failures;
    }

    @Override
    public void insert(String table, List<String> columns, byte[] rows) {
      if (attempts++ < failures) {
        throw ClickHouseException.fromServer("Code: 252. Too many parts", 252, null);
      }
      delegate.insert(table, columns, rows);
    }

    @Override
    public void execute(String sql) {
      delegate.execute(sql);
    }

    @Override
    public List<Map<String, Object>> query(String sql, Map<String, ?> params) {
      return delegate.query(sql, params);
    }

    @Override
    public List<byte[]> queryStrings(String sql, Map<String, ?> params) {
      return delegate.queryStrings(sql, params);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
