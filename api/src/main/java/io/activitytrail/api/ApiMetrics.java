package io.activitytrail.api;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Request counts and latency per route template and status, in the Prometheus text format. A
 * registry of its own (not the global default), so two servers in one JVM (tests) do not mix.
 */
final class ApiMetrics {

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final Counter requests =
      Counter.builder()
          .name(ApiMetricNames.REQUESTS)
          .help("HTTP requests answered, by route template, method and status")
          .labelNames("route", "method", "status")
          .register(registry);
  private final Histogram latency =
      Histogram.builder()
          .name(ApiMetricNames.REQUEST_DURATION)
          .help("Time to answer an HTTP request, by route template and status")
          .unit(io.prometheus.metrics.model.snapshots.Unit.SECONDS)
          .classicOnly()
          .classicUpperBounds(0.005, 0.01, 0.02, 0.04, 0.06, 0.1, 0.25, 0.5, 1, 2.5, 5)
          .labelNames("route", "status")
          .register(registry);

  void observe(String route, String method, int status, long nanos) {
    String code = Integer.toString(status);
    requests.labelValues(route, method, code).inc();
    latency.labelValues(route, code).observe(nanos / 1e9);
  }

  String contentType() {
    return writer.getContentType();
  }

  void write(OutputStream out) throws IOException {
    writer.write(out, registry.scrape(), EscapingScheme.DEFAULT);
  }
}
