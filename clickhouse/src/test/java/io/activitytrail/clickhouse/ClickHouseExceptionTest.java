package io.activitytrail.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClickHouseExceptionTest {

  @Test
  @DisplayName("a value ClickHouse cannot parse or accept refuses rows; a retry would not help")
  void dataErrorsRefuseRows() {
    for (int code : new int[] {27, 41, 72, 117, 469}) {
      ClickHouseException e = ClickHouseException.fromMessage("insert", "Code: " + code + ". x");
      assertThat(e.refusesRows()).as("code %d", code).isTrue();
      assertThat(e.isRetriable()).as("code %d", code).isFalse();
    }
  }

  @Test
  @DisplayName("retriable, code-less and statement errors refuse no row in particular")
  void otherErrorsRefuseNoRow() {
    assertThat(ClickHouseException.fromServer("too many parts", 252, null).refusesRows()).isFalse();
    assertThat(ClickHouseException.fromServer("unknown table", 60, null).refusesRows()).isFalse();
    assertThat(ClickHouseException.fromServer("denied", 497, null).refusesRows()).isFalse();
    assertThat(
            new ClickHouseException("no result", ClickHouseException.NO_CODE, false, null)
                .refusesRows())
        .isFalse();
  }
}
