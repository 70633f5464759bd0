package io.activitytrail.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

  private static List<Duration> millis(int... values) {
    return IntStream.of(values).mapToObj(Duration::ofMillis).toList();
  }

  @Test
  @DisplayName("on 1..100 ms, nearest-rank percentiles are the 50th, 90th and 99th values")
  void hundredValues() {
    List<Duration> values =
        new ArrayList<>(IntStream.rangeClosed(1, 100).mapToObj(Duration::ofMillis).toList());
    Collections.shuffle(values, new java.util.Random(7));

    LatencyStats stats = LatencyStats.of(values, 0);

    assertThat(stats.min()).isEqualTo(Duration.ofMillis(1));
    assertThat(stats.p50()).isEqualTo(Duration.ofMillis(50));
    assertThat(stats.p90()).isEqualTo(Duration.ofMillis(90));
    assertThat(stats.p99()).isEqualTo(Duration.ofMillis(99));
    assertThat(stats.max()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  @DisplayName("a percentile is always a measured value, rounded up in rank (never interpolated)")
  void nearestRank() {
    List<Duration> sorted = millis(10, 20, 30, 40);

    assertThat(LatencyStats.percentile(sorted, 50)).isEqualTo(Duration.ofMillis(20));
    assertThat(LatencyStats.percentile(sorted, 51)).isEqualTo(Duration.ofMillis(30));
    assertThat(LatencyStats.percentile(sorted, 90)).isEqualTo(Duration.ofMillis(40));
    assertThat(LatencyStats.percentile(sorted, 100)).isEqualTo(Duration.ofMillis(40));
  }

  @Test
  @DisplayName("with one observation every figure is that observation")
  void single() {
    LatencyStats stats = LatencyStats.of(millis(250), 0);

    assertThat(List.of(stats.min(), stats.p50(), stats.p90(), stats.p99(), stats.max()))
        .containsOnly(Duration.ofMillis(250));
  }

  @Test
  @DisplayName("changes that never appeared are counted apart and do not shift the percentiles")
  void missing() {
    LatencyStats stats = LatencyStats.of(millis(5, 1, 3), 2);

    assertThat(stats.observed()).isEqualTo(3);
    assertThat(stats.missing()).isEqualTo(2);
    assertThat(stats.p50()).isEqualTo(Duration.ofMillis(3));
    assertThat(stats.max()).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  @DisplayName("when nothing appeared, the figures are null and the JSON says so")
  void nothingObserved() {
    LatencyStats stats = LatencyStats.of(List.of(), 200);

    assertThat(stats.p50()).isNull();
    assertThat(stats.toJson()).containsEntry("missing", 200).containsEntry("p99_ms", null);
  }

  @Test
  @DisplayName("the JSON gives milliseconds with one decimal")
  void json() {
    LatencyStats stats = LatencyStats.of(List.of(Duration.ofNanos(1_234_567_000L)), 0);

    assertThat(stats.toJson()).containsEntry("p50_ms", 1234.6).containsEntry("observed", 1);
  }

  @Test
  @DisplayName("a percentile outside (0, 100] or of no values is refused")
  void badPercentile() {
    assertThatThrownBy(() -> LatencyStats.percentile(millis(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LatencyStats.percentile(List.of(), 50))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
