package io.activitytrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeadLetterCountTest {
  private static final TopicPartition P0 = new TopicPartition(DeadLetterCount.TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(DeadLetterCount.TOPIC, 1);

  @Test
  @DisplayName("the count is the sum over partitions of end offset minus start offset")
  void sumsPartitions() {
    assertThat(DeadLetterCount.count(Map.of(P0, 10L, P1, 0L), Map.of(P0, 13L, P1, 4L)))
        .isEqualTo(7);
  }

  @Test
  @DisplayName("a partition without a start offset counts zero rather than its whole end offset")
  void missingStart() {
    assertThat(DeadLetterCount.count(Map.of(P0, 2L), Map.of(P0, 5L, P1, 9L))).isEqualTo(3);
  }
}
