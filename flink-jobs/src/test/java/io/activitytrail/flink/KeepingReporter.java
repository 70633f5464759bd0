package io.activitytrail.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * A metric reporter that keeps every metric it was ever handed, with its name and group as the
 * registry handed them, also after the job ended: a bounded test job's metrics are read without
 * polling a running one.
 */
public final class KeepingReporter implements MetricReporter {

  /** What a reporter is told about one metric. */
  public record Reported(Metric metric, String name, MetricGroup group) {}

  private static final List<Reported> KEPT = new ArrayList<>();

  /** Configures a cluster to report to this reporter. */
  public static Configuration addTo(Configuration conf) {
    conf.setString("metrics.reporter.keep.factory.class", Factory.class.getName());
    return conf;
  }

  public static synchronized List<Reported> kept() {
    return List.copyOf(KEPT);
  }

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
    synchronized (KeepingReporter.class) {
      KEPT.add(new Reported(metric, name, group));
    }
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {}

  /** Found by class name from the configuration. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new KeepingReporter();
    }
  }
}
