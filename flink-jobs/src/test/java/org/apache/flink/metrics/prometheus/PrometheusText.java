package org.apache.flink.metrics.prometheus;

import io.activitytrail.flink.KeepingReporter;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.util.PortRange;

/**
 * Metrics as Flink's own Prometheus reporter exposes them: handed to a real {@link
 * PrometheusReporter} and read back from its registry (in its package, for the registry).
 */
public final class PrometheusText {
  private PrometheusText() {}

  /** The exposition text of every metric handed to a reporter. */
  public static String of(List<KeepingReporter.Reported> metrics) {
    PrometheusReporter reporter = new PrometheusReporter(new PortRange("0"));
    try {
      reporter.open(new MetricConfig());
      for (KeepingReporter.Reported m : metrics) {
        reporter.notifyOfAddedMetric(m.metric(), m.name(), m.group());
      }
      StringWriter out = new StringWriter();
      TextFormat.write004(out, reporter.registry.metricFamilySamples());
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      reporter.close();
    }
  }
}
