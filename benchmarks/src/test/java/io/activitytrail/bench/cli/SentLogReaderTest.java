package io.activitytrail.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The sent log as the bench reads it")
class SentLogReaderTest {

  @Test
  @DisplayName(
      "maps each notification id to its sent time in epoch milliseconds; blank lines skipped")
  void parsesTabSeparatedRows() {
    String body =
        "0b6c7a9e-0000-3000-8000-000000000001\t1764868984257\n"
            + "0b6c7a9e-0000-3000-8000-000000000002\t1764868986086\n\n";
    assertThat(SentLogReader.parse(body))
        .isEqualTo(
            Map.of(
                "0b6c7a9e-0000-3000-8000-000000000001", 1764868984257L,
                "0b6c7a9e-0000-3000-8000-000000000002", 1764868986086L));
    assertThat(SentLogReader.parse("")).isEmpty();
  }
}
