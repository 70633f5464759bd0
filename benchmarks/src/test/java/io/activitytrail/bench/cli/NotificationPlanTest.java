package io.activitytrail.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activitytrail.flink.NotificationOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The notification bench's plan")
class NotificationPlanTest {

  @Test
  @DisplayName(
      "recipients take the changes in consecutive blocks of at most the hourly cap: 100 changes at"
          + " a cap of 20 need 5 recipients")
  void blocksOfTheCap() {
    NotificationPlan plan = new NotificationPlan(100, 20);
    assertThat(plan.recipients()).isEqualTo(5);
    assertThat(plan.recipientOf(0)).isZero();
    assertThat(plan.recipientOf(19)).isZero();
    assertThat(plan.recipientOf(20)).isEqualTo(1);
    assertThat(plan.recipientOf(99)).isEqualTo(4);
    assertThat(IntStream.range(0, 100).map(plan::recipientOf).max()).hasValue(4);
    assertThat(new NotificationPlan(101, 20).recipients()).isEqualTo(6);
    assertThat(new NotificationPlan(5, 20).recipients()).isEqualTo(1);
    assertThatThrownBy(() -> plan.recipientOf(100)).hasMessageContaining("no change 100");
    assertThatThrownBy(() -> new NotificationPlan(0, 20)).hasMessageContaining("at least one");
  }

  @Test
  @DisplayName(
      "an email's text names the changes whose tickets it lists, each once, nb-1 never read in"
          + " nb-10")
  void changesInEmailText() {
    String subject = "[nbench-x] Ticket #2 " + NotificationPlan.ticketSubject(1) + ": assigned";
    assertThat(NotificationPlan.changesIn(subject)).containsExactly(1);
    String digest =
        "[nbench-x] 3 changes on 2 records\nTicket #11 nb-10 notification bench\n- comment added\n"
            + "- comment added\nTicket #2 nb-1 notification bench\n  body=bench comment 1\n"
            + "Ticket #11 nb-10 notification bench";
    assertThat(NotificationPlan.changesIn(digest)).containsExactly(10, 1);
    assertThat(NotificationPlan.changesIn("nothing of ours, nb-x")).isEmpty();
    assertThat(NotificationPlan.changesIn(null)).isEmpty();
  }

  @Test
  @DisplayName(
      "the cap and quiet period are the engine's: engine.properties over the job's default cap and"
          + " the stack's 10 s")
  void engineOptions(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("engine.properties");
    assertThat(NotificationPlan.hourlyCap(missing)).isEqualTo(20);
    assertThat(NotificationPlan.quietPeriod(missing)).isEqualTo("10 s");
    Files.writeString(
        missing, "notifications.email.hourly-cap = 50\nnotifications.email.quiet-period=30 s\n");
    assertThat(NotificationPlan.hourlyCap(missing)).isEqualTo(50);
    assertThat(NotificationPlan.quietPeriod(missing)).isEqualTo("30 s");
    Files.writeString(missing, "notifications.email.hourly-cap=many\n");
    assertThatThrownBy(() -> NotificationPlan.hourlyCap(missing))
        .hasMessageContaining("notifications.email.hourly-cap is not a number: many");
  }

  @Test
  @DisplayName("its keys and default cap are the job's own options")
  void sameKeysAsTheJob() {
    assertThat(NotificationPlan.HOURLY_CAP_KEY)
        .isEqualTo(NotificationOptions.EMAIL_HOURLY_CAP.key());
    assertThat(NotificationPlan.DEFAULT_HOURLY_CAP)
        .isEqualTo(NotificationOptions.EMAIL_HOURLY_CAP.defaultValue());
    assertThat(NotificationPlan.QUIET_PERIOD_KEY)
        .isEqualTo(NotificationOptions.EMAIL_QUIET_PERIOD.key());
  }
}
