package io.activitytrail.bench.queries;

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

  /** Samples of two ways of asking the same question, taken alternately. */
  record Pair(Latencies first, Latencies second) {}

  /**
   * Like {@link #measure}, alternating {@code first} and {@code second} call by call, so both meet
   * the same caches, merges and neighbours: comparable figures, not two runs minutes apart.
   */
  static Pair measurePair(
      String query, int warmup, int requests, Duration budget, Runnable first, Runnable second) {
    for (int i = 0; i < warmup; i++) {
      first.run();
      second.run();
    }
    long[] a = new long[requests];
    long[] b = new long[requests];
    long deadline = System.nanoTime() + budget.toNanos();
    int n = 0;
    while (n < requests && System.nanoTime() < deadline) {
      long t0 = System.nanoTime();
      first.run();
      long t1 = System.nanoTime();
      second.run();
      a[n] = t1 - t0;
      b[n++] = System.nanoTime() - t1;
    }
    return new Pair(
        new Latencies(query, Arrays.copyOf(a, n)), new Latencies(query, Arrays.copyOf(b, n)));
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
