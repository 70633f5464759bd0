package io.activitytrail.flink;

import static io.activitytrail.flink.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.clickhouse.ClickHouseMigrations;
import io.activitytrail.clickhouse.RetryPolicy;
import io.activitytrail.clickhouse.TestClickHouse;
import io.activitytrail.clickhouse.embedded.LibChdb;
import io.activitytrail.clickhouse.sink.ClickHouseSink;
import io.activitytrail.clickhouse.sink.PipelineMetrics;
import io.activitytrail.clickhouse.sink.RowFormat;
import io.activitytrail.clickhouse.target.ClickHouseTarget;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.flink.deadletter.DeadLetter;
import io.activitytrail.flink.source.RawRecord;
import io.activitytrail.flink.types.TrailTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.prometheus.PrometheusText;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job's metrics on a MiniCluster, through the real ClickHouse sink (embedded), read back as
 * Flink's Prometheus reporter exposes them on a cluster and in the local engine.
 */
class PipelineMetricsTest {

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setConfiguration(KeepingReporter.addTo(new Configuration()))
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static String exposition;

  /**
   * Runs the job once, on first use: the extension makes the cluster the tests' environment only
   * around each test, not in a {@code @BeforeAll}.
   */
  @BeforeEach
  void runTheJobOnce() throws Exception {
    if (exposition != null) {
      return;
    }
    String db = TestClickHouse.freshDatabase();
    ClickHouseMigrations.apply(TestClickHouse.open(), db);
    List<RawRecord> records =
        List.of(
            record(TRANSACTION_TOPIC, "transaction-begin.json", 0),
            record(TICKETS_TOPIC, "ticket-update.json", 1),
            record(TICKETS_TOPIC, "malformed.txt", 7),
            record(MESSAGE_TOPIC, "context-message.json", 2),
            record(TRANSACTION_TOPIC, "transaction-end.json", 3),
            new RawRecord(TICKETS_TOPIC, 0, 8, 0L, new byte[] {1}, null, new LinkedHashMap<>()),
            record(TICKETS_TOPIC, "ticket-snapshot-read.json", 9),
            record(TICKETS_TOPIC, "unknown-table.json", 10),
            record(MESSAGE_TOPIC, "login-failed-message.json", 11));
    StreamExecutionEnvironment env = Strict.environment();
    env.setParallelism(2);
    // registers the JobManager's checkpoint metrics; the bounded job ends before the first one
    env.enableCheckpointing(60_000);
    ClickHouseSink<ActivityEvent> activities =
        new ClickHouseSink<>(
            ClickHouseTarget.embedded(LibChdb.locate(), TestClickHouse.dataDir(), db),
            RowFormat.ACTIVITIES,
            100,
            Duration.ofMillis(200),
            new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10)),
            () -> (event, reason) -> {});

    NormalizerJob.compose(
        env.fromData(records, TrailTypes.RAW_RECORD).setParallelism(1),
        new Configuration(),
        activities,
        new CollectingSink<DeadLetter>());
    env.execute("metrics-test");

    exposition = PrometheusText.of(KeepingReporter.kept());
    // kept for reading: what a Prometheus server would scrape from this job
    Files.writeString(Path.of("target/pipeline-metrics.prom"), exposition);
  }

  @Test
  @DisplayName("every stage counts the events it handed on, as the fixtures imply")
  void eventsPerStage() {
    // 9 records: 1 unreadable, 1 tombstone, 1 unmapped table -> 6 decoded; one row change in a
    // transaction goes through the join and the sequencer; 4 activities come out and are stored
    assertThat(sum(PipelineMetrics.EVENTS, "stage=\"decode\"")).isEqualTo(6);
    assertThat(sum(PipelineMetrics.EVENTS, "stage=\"attribute\"")).isEqualTo(1);
    assertThat(sum(PipelineMetrics.EVENTS, "stage=\"sequence\"")).isEqualTo(1);
    assertThat(sum(PipelineMetrics.EVENTS, "stage=\"normalize\"")).isEqualTo(4);
    assertThat(sum(PipelineMetrics.EVENTS, "stage=\"sink\"")).isEqualTo(4);
  }

  @Test
  @DisplayName("dead letters are counted by stage and reason class")
  void deadLettersByReason() {
    assertThat(sum(PipelineMetrics.DEAD_LETTERS, "reason=\"invalid_record\"")).isEqualTo(1);
    assertThat(sum(PipelineMetrics.DEAD_LETTERS, "reason=\"unmapped_table\"")).isEqualTo(1);
    assertThat(exposition)
        .containsPattern(
            Pattern.quote(PipelineMetrics.DEAD_LETTERS) + "\\{[^}]*stage=\"decode\"[^}]*\\}");
  }

  @Test
  @DisplayName("the sink's lag, batch size and write latency are summaries over every stored event")
  void sinkHistograms() {
    assertThat(sum(PipelineMetrics.END_TO_END_LAG_MS + "_count", "")).isEqualTo(4);
    assertThat(exposition)
        .containsPattern(
            Pattern.quote(PipelineMetrics.END_TO_END_LAG_MS) + "\\{[^}]*quantile=\"0.99\"");
    assertThat(sum(PipelineMetrics.SINK_BATCH_SIZE + "_count", "")).isPositive();
    assertThat(sum(PipelineMetrics.SINK_WRITE_LATENCY_MS + "_count", "")).isPositive();
  }

  @Test
  @DisplayName("every name the alert rules and dashboards may use is in the reporter's output")
  void everyCataloguedNameIsExposed() {
    for (String name : PipelineMetrics.PROMETHEUS_NAMES) {
      assertThat(exposition).as(name).containsPattern("(?m)^" + Pattern.quote(name) + "[{ ]");
    }
  }

  /** The sum of the samples of {@code name} whose labels contain {@code label}. */
  private static double sum(String name, String label) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$")
            .matcher(exposition);
    double total = 0;
    while (m.find()) {
      if (m.group(1).contains(label)) {
        total += Double.parseDouble(m.group(2));
      }
    }
    return total;
  }
}
