package io.activitytrail.clickhouse.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClickHouseSinkWriterTest {

  private static final RetryPolicy THREE_TRIES =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(150));

  private final TestProcessingTimeService time = new TestProcessingTimeService();
  private final List<Long> sleeps = new ArrayList<>();
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
    try (ClickHouseSinkWriter writer = writer(TestClickHouse.open(), 3)) {
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
    try (ClickHouseSinkWriter writer = writer(TestClickHouse.open(), 100)) {
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
    try (ClickHouseSinkWriter writer = writer(TestClickHouse.open(), 100)) {
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
    FlakyClickHouse flaky = new FlakyClickHouse(TestClickHouse.open(), 2, true);
    try (ClickHouseSinkWriter writer = writer(flaky, 100)) {
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
    FlakyClickHouse down = new FlakyClickHouse(TestClickHouse.open(), Integer.MAX_VALUE, true);
    ClickHouseSinkWriter writer = writer(down, 100);
    writer.write(event(1), null);

    assertThatThrownBy(() -> writer.flush(false))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("failed after 3 attempt(s)")
        .hasCauseInstanceOf(ClickHouseException.class);
    assertThat(writer.buffered()).as("the batch is kept, not dropped").isEqualTo(1);
    assertThat(down.attempts).isEqualTo(3);
  }

  @Test
  @DisplayName("a non-retriable error fails at once, without retries")
  void nonRetriableFailsFast() throws Exception {
    FlakyClickHouse broken = new FlakyClickHouse(TestClickHouse.open(), Integer.MAX_VALUE, false);
    ClickHouseSinkWriter writer = writer(broken, 1);

    assertThatThrownBy(() -> writer.write(event(1), null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not retriable");
    assertThat(broken.attempts).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  private ClickHouseSinkWriter writer(ClickHouse ch, int batchSize) {
    return new ClickHouseSinkWriter(
        ch, db, batchSize, Duration.ofSeconds(5), time, THREE_TRIES, sleeps::add);
  }

  private static ActivityEvent event(int n) {
    return TestEvents.ticketUpdated("e-" + n, "ws-sink", "t-" + n, n, n);
  }

  /** Fails the first {@code failures} inserts, then delegates. */
  private static final class FlakyClickHouse implements ClickHouse {
    private final ClickHouse delegate;
    private final int failures;
    private final boolean retriable;
    int attempts;

    FlakyClickHouse(ClickHouse delegate, int failures, boolean retriable) {
      this.delegate = delegate;
      this.failures = failures;
      this.retriable = retriable;
    }

    @Override
    public void insert(String table, List<String> columns, byte[] rows) {
      if (attempts++ < failures) {
        throw new ClickHouseException("Code: 252. Too many parts", 252, retriable, null);
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
