package io.activitytrail.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RateTest {

  @ParameterizedTest(name = "{0} is {1} per second")
  @CsvSource({"5/s, 5", "5, 5", "0.5/s, 0.5", "120/min, 2", " 10 / sec , 10", "100/s, 100"})
  @DisplayName("a rate is read per second or per minute, the unit defaulting to seconds")
  void parses(String text, double perSecond) {
    assertThat(Rate.parse(text).perSecond()).isEqualTo(perSecond);
  }

  @ParameterizedTest(name = "''{0}'' is refused")
  @ValueSource(strings = {"0/s", "-1/s", "fast", "5/h", "101/s", "NaN", "/s"})
  @DisplayName("zero, negative, unknown units, non-numbers and rates above 100/s are refused")
  void refuses(String text) {
    assertThatThrownBy(() -> Rate.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("the interval between operations is the inverse of the rate")
  void interval() {
    assertThat(Rate.parse("5/s").interval()).isEqualTo(Duration.ofMillis(200));
    assertThat(Rate.parse("30/min").interval()).isEqualTo(Duration.ofSeconds(2));
  }
}
