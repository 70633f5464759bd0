package io.activitytrail.clickhouse.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activitytrail.clickhouse.ClickHouseException;
import io.activitytrail.clickhouse.RetryPolicy;
import io.activitytrail.clickhouse.TestEvents;
import io.activitytrail.event.ActivityEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.flink.metrics.testutils.MetricListener;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The writer against a port that refuses marked rows the way ClickHouse refuses a bad value. */
class ClickHouseSinkWriterRefusalsTest {

  private static final RetryPolicy FIVE_TRIES_CAPPED =
      new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(300));

  private final TestProcessingTimeService time = new TestProcessingTimeService();
  private final MetricListener listener = new MetricListener();
  private final SinkMetrics<ActivityEvent> metrics =
      new SinkMetrics<>(listener.getMetricGroup(), RowFormat.ACTIVITIES, Clock.systemUTC());
  private final List<Long> sleeps = new ArrayList<>();
  private final FakeClickHouse ch = new FakeClickHouse();
  private final RecordingReporter reporter = new RecordingReporter();
  private ClickHouseSinkWriter<ActivityEvent> writer;

  @BeforeEach
  void setUp() throws Exception {
    time.setCurrentTime(1_000);
    writer =
        new ClickHouseSinkWriter<>(
            new BatchInserter<>(
                ch, "trail", RowFormat.ACTIVITIES, FIVE_TRIES_CAPPED, sleeps::add, reporter),
            1_000,
            Duration.ofSeconds(5),
            time,
            metrics);
  }

  @Test
  @DisplayName(
      "one refused row in 1,000: the 999 others are written, the refused one reported with"
          + " ClickHouse's code and message, and the batch is done")
  void oneRefusedRowInAThousand() throws Exception {
    List<ActivityEvent> batch = events(1_000, Set.of(617));

    writeAll(batch);

    assertThat(reporter.reports).hasSize(1);
    assertThat(reporter.reports.get(0).eventId()).isEqualTo("e-617");
    assertThat(reporter.reports.get(0).code()).isEqualTo(27);
    assertThat(reporter.reports.get(0).message()).contains("Code: 27", "Cannot parse input");
    assertThat(ch.written)
        .hasSize(999)
        .doesNotHaveDuplicates()
        .doesNotContain("e-617")
        .containsAll(ids(batch).stream().filter(id -> !id.equals("e-617")).toList());
    assertThat(ch.insertSizes.size())
        .as("a split, not one insert per row: 1 + 2 per level of ~10 levels")
        .isLessThanOrEqualTo(21);
    assertThat(writer.buffered()).isZero();
    assertThat(sleeps).isEmpty();
    assertThat(listener.getCounter("trail", "stage", "sink", "events"))
        .as("written, the refused row not counted")
        .hasValueSatisfying(c -> assertThat(c.getCount()).isEqualTo(999));
    assertThat(listener.getHistogram("trail", "sink", "batchSize"))
        .hasValueSatisfying(h -> assertThat(h.getStatistics().getMax()).isEqualTo(1_000));
  }

  @Test
  @DisplayName("several refused rows, the first and the last among them: exactly those reported")
  void severalRefusedRows() throws Exception {
    Set<Integer> bad = Set.of(1, 2, 333, 334, 700, 1_000);
    List<ActivityEvent> batch = events(1_000, bad);

    writeAll(batch);

    assertThat(reporter.eventIds())
        .containsExactly("e-1", "e-2", "e-333", "e-334", "e-700", "e-1000");
    assertThat(Set.copyOf(ch.written)).hasSize(994);
    assertThat(ch.written).noneMatch(id -> reporter.eventIds().contains(id));
  }

  @Test
  @DisplayName("a batch refused row by row: every event reported, none written, the next one lands")
  void allRefused() throws Exception {
    writeAll(events(64, Set.copyOf(IntStream.rangeClosed(1, 64).boxed().toList())));

    assertThat(reporter.reports).hasSize(64);
    assertThat(ch.written).isEmpty();

    writeAll(List.of(TestEvents.ticketUpdated("e-next", "ws", "t-next", 1, 1)));

    assertThat(ch.written).containsExactly("e-next");
  }

  @Test
  @DisplayName(
      "a retriable error is retried with exponential backoff capped at the policy's maximum,"
          + " then the batch lands once")
  void retriesWithCappedBackoff() throws Exception {
    ch.failNext(4, ClickHouseException.fromServer("Code: 252. Too many parts", 252, null));

    writeAll(events(10, Set.of()));

    assertThat(sleeps).containsExactly(100L, 200L, 300L, 300L);
    assertThat(ch.written).hasSize(10);
    assertThat(reporter.reports).isEmpty();
  }

  @Test
  @DisplayName("retries exhausted: the flush fails naming the attempts, the batch is kept")
  void retriesExhausted() {
    ch.failNext(5, ClickHouseException.fromServer("Code: 159. Timeout exceeded", 159, null));
    events(3, Set.of()).forEach(this::write);

    assertThatThrownBy(() -> writer.flush(false))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("failed after 5 attempt(s)");
    assertThat(sleeps).containsExactly(100L, 200L, 300L, 300L);
    assertThat(writer.buffered()).isEqualTo(3);
    assertThat(reporter.reports).isEmpty();
  }

  @Test
  @DisplayName(
      "a refused row that cannot be reported fails the flush (so the checkpoint); the batch is"
          + " kept for the replay")
  void reporterFailurePropagates() {
    reporter.failure = new IOException("dead-letter topic unreachable");
    events(10, Set.of(4)).forEach(this::write);

    assertThatThrownBy(() -> writer.flush(false))
        .isInstanceOf(IOException.class)
        .hasMessage("dead-letter topic unreachable");
    assertThat(writer.buffered()).isEqualTo(10);
  }

  @Test
  @DisplayName("an error without a ClickHouse code is not blamed on the rows: no split, no report")
  void clientErrorIsNotARefusal() {
    ch.failNext(
        1,
        new ClickHouseException(
            "chDB returned no result", ClickHouseException.NO_CODE, false, null));
    events(8, Set.of()).forEach(this::write);

    assertThatThrownBy(() -> writer.flush(false)).isInstanceOf(IOException.class);
    assertThat(ch.insertSizes).containsExactly(8);
    assertThat(reporter.reports).isEmpty();
  }

  @Test
  @DisplayName("closing the writer closes the port and the reporter")
  void closeClosesBoth() throws Exception {
    writer.close();

    assertThat(ch.closed).isTrue();
    assertThat(reporter.closed).isTrue();
  }

  /** Events e-1..e-n; those numbered in {@code refused} carry the marker the port refuses. */
  private static List<ActivityEvent> events(int n, Set<Integer> refused) {
    List<ActivityEvent> events = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String recordId = refused.contains(i) ? "t-" + FakeClickHouse.MARKER + "-" + i : "t-" + i;
      events.add(TestEvents.ticketUpdated("e-" + i, "ws", recordId, i, i));
    }
    return events;
  }

  private static List<String> ids(List<ActivityEvent> events) {
    return events.stream().map(ActivityEvent::getEventId).toList();
  }

  private void writeAll(List<ActivityEvent> events) throws Exception {
    for (ActivityEvent event : events) {
      writer.write(event, null);
    }
    writer.flush(false);
  }

  private void write(ActivityEvent event) {
    try {
      writer.write(event, null);
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
