package io.activitytrail.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.Notification;
import io.activitytrail.notifications.TestActivities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmailBatchingTest {

  private static final long T0 = 1_764_000_000_000L;
  private static final long SECOND = 1_000;
  private static final long MINUTE = 60 * SECOND;

  private final EmailBatching rules =
      new EmailBatching(Duration.ofSeconds(60), Duration.ofMinutes(5), 20);

  @Test
  @DisplayName("an assignment to the recipient goes out at once, on its own")
  void assignmentAtOnce() {
    Notification assigned = TestActivities.email("assigned", "assigned", "42", 1);

    EmailBatching.Step step = rules.onNotification(BatchState.EMPTY, assigned, T0);

    assertThat(step.emails()).containsExactly(List.of(assigned));
    assertThat(step.wakeAt()).isNull();
    assertThat(step.state().sentAt()).containsExactly(T0);
  }

  @Test
  @DisplayName(
      "a burst of 20 updates becomes one email after 60 quiet seconds, its changes in commit"
          + " order whatever the arrival order")
  void burst() {
    BatchState state = BatchState.EMPTY;
    List<Notification> burst = new ArrayList<>();
    for (int i = 20; i >= 1; i--) {
      Notification n = TestActivities.email("updated", "following", "42", i);
      burst.add(0, n);
      EmailBatching.Step step = rules.onNotification(state, n, T0 + (20 - i) * SECOND);
      assertThat(step.emails()).isEmpty();
      state = step.state();
    }
    long last = T0 + 19 * SECOND;

    assertThat(rules.onTimer(state, last + 59 * SECOND).emails()).isEmpty();
    EmailBatching.Step due = rules.onTimer(state, last + 60 * SECOND);

    assertThat(due.emails()).containsExactly(burst);
    assertThat(due.state().pending()).isEmpty();
    assertThat(due.state().firstAt()).isNull();
    assertThat(due.wakeAt()).isNull();
  }

  @Test
  @DisplayName("a trickle that never falls quiet still goes out 5 minutes after its first change")
  void maxDelay() {
    BatchState state = BatchState.EMPTY;
    Long wakeAt = null;
    for (int i = 0; i <= 10; i++) {
      EmailBatching.Step step =
          rules.onNotification(
              state, TestActivities.email("updated", "following", "42", i), T0 + i * 30 * SECOND);
      state = step.state();
      wakeAt = step.wakeAt();
    }

    assertThat(wakeAt).isEqualTo(T0 + 5 * MINUTE);
    assertThat(rules.onTimer(state, T0 + 5 * MINUTE).emails()).hasSize(1);
    assertThat(rules.onTimer(state, T0 + 5 * MINUTE).emails().get(0)).hasSize(11);
  }

  @Test
  @DisplayName("a bulk update of 200 records within a second is one digest, not 200 emails")
  void bulkDigest() {
    BatchState state = BatchState.EMPTY;
    for (int i = 0; i < 200; i++) {
      state =
          rules
              .onNotification(
                  state, TestActivities.email("status_changed", "following", "t" + i, i), T0 + i)
              .state();
    }

    EmailBatching.Step due = rules.onTimer(state, T0 + 199 + MINUTE);

    assertThat(due.emails()).hasSize(1);
    assertThat(due.emails().get(0)).hasSize(200);
  }

  @Test
  @DisplayName(
      "beyond the hourly cap notifications keep waiting and go out as one digest when the hour"
          + " frees a slot")
  void hourlyCap() {
    EmailBatching capped = new EmailBatching(Duration.ofSeconds(60), Duration.ofMinutes(5), 2);
    BatchState state = BatchState.EMPTY;
    for (int burst = 0; burst < 2; burst++) {
      long at = T0 + burst * 10 * MINUTE;
      state =
          capped
              .onNotification(state, TestActivities.email("updated", "following", "42", burst), at)
              .state();
      EmailBatching.Step sent = capped.onTimer(state, at + MINUTE);
      assertThat(sent.emails()).hasSize(1);
      state = sent.state();
    }
    long third = T0 + 30 * MINUTE;
    state =
        capped
            .onNotification(state, TestActivities.email("updated", "following", "42", 3), third)
            .state();
    EmailBatching.Step more =
        capped.onNotification(
            state, TestActivities.email("assigned", "assigned", "43", 4), third + SECOND);
    state = more.state();

    assertThat(more.emails()).isEmpty();
    assertThat(more.wakeAt()).isEqualTo(T0 + MINUTE + 60 * MINUTE);
    assertThat(capped.onTimer(state, third + 5 * MINUTE).emails()).isEmpty();
    EmailBatching.Step digest = capped.onTimer(state, T0 + 61 * MINUTE);
    assertThat(digest.emails()).hasSize(1);
    assertThat(digest.emails().get(0)).hasSize(2);
  }

  @Test
  @DisplayName(
      "an alert goes out at once, on its own, even beyond the hourly cap; the waiting digest stays")
  void alertAtOnceEvenPastTheCap() {
    EmailBatching capped = new EmailBatching(Duration.ofSeconds(60), Duration.ofMinutes(5), 1);
    BatchState state =
        capped
            .onNotification(
                BatchState.EMPTY, TestActivities.email("assigned", "assigned", "42", 1), T0)
            .state();
    state =
        capped
            .onNotification(state, TestActivities.email("updated", "following", "42", 2), T0)
            .state();
    Notification alert = TestActivities.email("alert_fired", "alert", "builtin:brute_force", 3);

    EmailBatching.Step step = capped.onNotification(state, alert, T0 + SECOND);

    assertThat(step.emails()).containsExactly(List.of(alert));
    assertThat(step.state().pending()).hasSize(1);
  }
}
