package io.activitytrail.cli.bench.queries;

import java.time.Duration;
import java.util.Arrays;

/** Latency samples of one query and their median and 99th percentile (nearest rank). */
record Latencies(String query, long[] nanos) {

  /**
   * Runs {@code call} {@code warmup} times unmeasured, then up to {@code requests} times measured,
   * stopping early when {@code budget} is spent (the count then says how many ran).
   */
  static Latencies measure(String query, int warmup, int requests, Duration budget, Runnable call) {
    for (int i = 0; i < warmup; i++) {
      call.run();
    }
    long[] samples = new long[requests];
    long deadline = System.nanoTime() + budget.toNanos();
    int n = 0;
    while (n < requests && System.nanoTime() < deadline) {
      long t0 = System.nanoTime();
      call.run();
      samples[n++] = System.nanoTime() - t0;
    }
    return new Latencies(query, Arrays.copyOf(samples, n));
  }

  int count() {
    return nanos.length;
  }

  double p50Ms() {
    return percentileMs(50);
  }

  double p99Ms() {
    return percentileMs(99);
  }

  /** Nearest-rank percentile in milliseconds; NaN when nothing was measured. */
  double percentileMs(double p) {
    if (nanos.length == 0) {
      return Double.NaN;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }
}
