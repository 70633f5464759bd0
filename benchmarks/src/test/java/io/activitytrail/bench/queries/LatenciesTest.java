package io.activitytrail.bench.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  @DisplayName("a pair is measured call by call in turn, warm-up included, one sample per call")
  void pairAlternates() {
    List<String> calls = new ArrayList<>();

    Latencies.Pair pair =
        Latencies.measurePair(
            "q", 2, 3, Duration.ofMinutes(1), () -> calls.add("a"), () -> calls.add("b"));

    assertThat(calls).containsExactly("a", "b", "a", "b", "a", "b", "a", "b", "a", "b");
    assertThat(pair.first().count()).isEqualTo(3);
    assertThat(pair.second().count()).isEqualTo(3);
  }

  @Test
  @DisplayName("percentiles are nearest-rank over the samples, in milliseconds")
  void nearestRank() {
    long[] nanos = new long[100];
    for (int i = 0; i < 100; i++) {
      nanos[i] = (100 - i) * 1_000_000L;
    }
    Latencies l = new Latencies("q", nanos);

    assertThat(l.p50Ms()).isEqualTo(50.0);
    assertThat(l.p99Ms()).isEqualTo(99.0);
  }
}
