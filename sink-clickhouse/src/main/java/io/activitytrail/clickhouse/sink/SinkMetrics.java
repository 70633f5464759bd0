package io.activitytrail.clickhouse.sink;

import java.time.Clock;
import java.util.List;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * What the sink measures, under the writer's operator group: {@code trail.stage=sink.events} (rows
 * written), dead letters by reason, and under {@code trail.sink} three histograms over their most
 * recent samples (Flink's reporters give their quantiles):
 *
 * <ul>
 *   <li>{@code batchSize}: rows per write;
 *   <li>{@code writeLatencyMs}: one write, retries and the splitting of refused rows included;
 *   <li>{@code endToEndLagMs}: per row, from the commit of its change in the platform's database
 *       ({@code occurred_at}) to the moment its batch was written: the pipeline's whole delay,
 *       Debezium, Kafka, the attribution wait and batching included (a replay or a catch-up shows
 *       as lag).
 * </ul>
 */
public final class SinkMetrics<T> {

  /** Samples each histogram keeps: enough for stable p99s, ~80 KB each. */
  static final int WINDOW = 10_000;

  private final Counter written;
  private final PipelineMetrics.DeadLetters deadLetters;
  private final Histogram batchSize;
  private final Histogram writeLatencyMs;
  private final Histogram endToEndLagMs;
  private final RowFormat<T> format;
  private final Clock clock;

  public SinkMetrics(MetricGroup writer, RowFormat<T> format, Clock clock) {
    this.written = PipelineMetrics.events(writer, PipelineMetrics.Stage.SINK);
    this.deadLetters = PipelineMetrics.deadLetters(writer, PipelineMetrics.Stage.SINK);
    MetricGroup sink = writer.addGroup(PipelineMetrics.GROUP).addGroup("sink");
    this.batchSize = sink.histogram("batchSize", new DescriptiveStatisticsHistogram(WINDOW));
    this.writeLatencyMs =
        sink.histogram("writeLatencyMs", new DescriptiveStatisticsHistogram(WINDOW));
    this.endToEndLagMs =
        sink.histogram("endToEndLagMs", new DescriptiveStatisticsHistogram(WINDOW));
    this.format = format;
    this.clock = clock;
  }

  /** A refused row that was reported. */
  void refused() {
    deadLetters.inc(PipelineMetrics.Reason.REFUSED_ROW);
  }

  /**
   * A batch was written: {@code refused} of its events went to the dead letters instead, {@code
   * nanos} is how long the write took.
   */
  void written(List<T> batch, int refused, long nanos) {
    long now = clock.millis();
    batchSize.update(batch.size());
    writeLatencyMs.update(nanos / 1_000_000);
    written.inc(batch.size() - refused);
    // The refused rows are in the batch too; their lag is as real (they were handled now).
    for (T row : batch) {
      endToEndLagMs.update(Math.max(0, now - format.committedAt(row).toEpochMilli()));
    }
  }
}
