package io.activitytrail.bench.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A latency distribution: nearest-rank percentiles (the smallest observed value that at least p% of
 * the observations do not exceed), so every figure is a latency that was actually measured.
 *
 * @param missing changes that never became visible within the bound; not in the percentiles
 */
public record LatencyStats(
    int observed,
    int missing,
    Duration min,
    Duration p50,
    Duration p90,
    Duration p99,
    Duration max) {

  public static LatencyStats of(List<Duration> latencies, int missing) {
    if (missing < 0) {
      throw new IllegalArgumentException("missing must not be negative, got " + missing);
    }
    List<Duration> sorted = new ArrayList<>(latencies);
    sorted.sort(null);
    if (sorted.isEmpty()) {
      return new LatencyStats(0, missing, null, null, null, null, null);
    }
    return new LatencyStats(
        sorted.size(),
        missing,
        sorted.get(0),
        percentile(sorted, 50),
        percentile(sorted, 90),
        percentile(sorted, 99),
        sorted.get(sorted.size() - 1));
  }

  /** Nearest rank: the value at rank ceil(p/100 * n), 1-based, of values sorted ascending. */
  static Duration percentile(List<Duration> sorted, double p) {
    if (sorted.isEmpty() || p <= 0 || p > 100) {
      throw new IllegalArgumentException(
          "a percentile needs values and 0 < p <= 100, got " + sorted.size() + " values, p=" + p);
    }
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }

  /** Milliseconds with one decimal, for the table and the JSON; null when nothing was observed. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("observed", observed);
    json.put("missing", missing);
    json.put("min_ms", millis(min));
    json.put("p50_ms", millis(p50));
    json.put("p90_ms", millis(p90));
    json.put("p99_ms", millis(p99));
    json.put("max_ms", millis(max));
    return json;
  }

  static Double millis(Duration d) {
    return d == null ? null : Math.round(d.toNanos() / 100_000.0) / 10.0;
  }
}
