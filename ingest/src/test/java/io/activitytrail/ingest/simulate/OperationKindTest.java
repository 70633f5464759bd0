package io.activitytrail.ingest.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The workload mix")
class OperationKindTest {
  private static final int DRAWS = 200_000;

  @Test
  @DisplayName(
      "each kind is drawn in proportion to its weight; about 3% of operations bypass the application")
  void drawsFollowWeights() {
    SplittableRandom random = new SplittableRandom(7);
    Map<OperationKind, Integer> counts = new EnumMap<>(OperationKind.class);
    for (int i = 0; i < DRAWS; i++) {
      counts.merge(OperationKind.pick(random), 1, Integer::sum);
    }
    assertThat(counts).containsOnlyKeys(OperationKind.values());
    for (OperationKind kind : OperationKind.values()) {
      assertThat((double) counts.get(kind) / DRAWS)
          .as(kind.wireName())
          .isCloseTo(kind.share(), within(0.005));
    }
    assertThat(OperationKind.DIRECT_SQL.share()).isBetween(0.025, 0.035);
  }

  @Test
  @DisplayName("report keys are the snake_case names of the kinds")
  void wireNames() {
    assertThat(OperationKind.TICKET_FIELDS_UPDATED.wireName()).isEqualTo("ticket_fields_updated");
  }
}
