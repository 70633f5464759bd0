package io.activitytrail.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activitytrail.bench.cli.EmailWindowCommand.WindowShare;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("trail bench email-window's share of the time a crash would double an email")
class EmailWindowShareTest {

  @Test
  @DisplayName("is the windows' total over the sends' total, not the mean of the ratios")
  void shareOfTheTimeSpentSending() {
    WindowShare share =
        WindowShare.of(
            List.of(Duration.ofMillis(10), Duration.ofMillis(30)),
            List.of(Duration.ofMillis(1), Duration.ofMillis(3)));

    assertThat(share.share()).isEqualTo(0.1);
  }

  @Test
  @DisplayName("needs one window per send")
  void oneWindowPerSend() {
    assertThatThrownBy(() -> WindowShare.of(List.of(Duration.ofMillis(10)), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one window per send");
  }
}
