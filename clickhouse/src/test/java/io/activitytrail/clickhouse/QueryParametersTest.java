package io.activitytrail.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

  @Test
  @DisplayName("instants bind as UTC DateTime64(3) text, arrays as quoted literals")
  void rendersTypedValues() {
    assertThat(
            QueryParameters.toText(
                Map.of(
                    "at", Instant.parse("2026-03-04T05:06:07.089Z"),
                    "types", List.of("created", "it's"))))
        .containsEntry("at", "2026-03-04 05:06:07.089")
        .containsEntry("types", "['created','it\\'s']");
  }

  @Test
  @DisplayName("a parameter name that is not an identifier is refused")
  void refusesBadNames() {
    assertThatThrownBy(() -> QueryParameters.toText(Map.of("a b", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a b");
  }

  @Test
  @DisplayName("arrays of strings bind through chDB as real arrays, quotes intact")
  void arraysBindInEngine() {
    ClickHouse ch = TestClickHouse.open();
    assertThat(
            ch.query(
                "SELECT {xs:Array(String)} AS xs",
                Map.of("xs", List.of("a", "it's", "back\\slash", "two\nlines\ttab"))))
        .containsExactly(Map.of("xs", List.of("a", "it's", "back\\slash", "two\nlines\ttab")));
  }
}
