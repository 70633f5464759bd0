package io.activitytrail.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.Category;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The contract's topics")
class ContractTopicsTest {

  @Test
  @DisplayName("route activities and audit events to separate topics, one per category")
  void routesByCategory() {
    assertThat(ContractTopics.forCategory(Category.activity)).isEqualTo("trail.activities");
    assertThat(ContractTopics.forCategory(Category.audit)).isEqualTo("trail.audit-events");
  }
}
