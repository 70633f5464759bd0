package io.activitytrail.alerts;

import static io.activitytrail.alerts.RuleEvaluator.Outcome.COUNTED;
import static io.activitytrail.alerts.RuleEvaluator.Outcome.DUPLICATE;
import static io.activitytrail.alerts.RuleEvaluator.Outcome.FIRED;
import static io.activitytrail.alerts.RuleEvaluator.Outcome.SUPPRESSED;
import static io.activitytrail.alerts.RuleEvaluator.Outcome.TOO_LATE;
import static io.activitytrail.alerts.TestEvents.loginFailed;
import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

  /** 5 failed logins per actor within 10 minutes, suppressing for 10 minutes. */
  private static final AlertRule PER_ACTOR =
      Rules.rule(
          "{\"name\": \"bf\", \"filter\": {\"type\": \"login_failed\"}, \"threshold\": 5,"
              + " \"window_seconds\": 600, \"group_by\": \"actor\", \"suppress_seconds\": 600}");

  /** n failures of one actor from one ip, one second apart from {@code start}. */
  private static ActivityEvent[] burst(String actor, int n, long start) {
    return IntStream.range(0, n)
        .mapToObj(i -> loginFailed(actor + "-" + (start + i), actor, "10.0.0.1", start + i))
        .toArray(ActivityEvent[]::new);
  }

  // ---- threshold ----

  @Test
  @DisplayName("N-1 matching events fire nothing; the Nth fires one alert counting N")
  void firesAtN() {
    Replay replay = new Replay(PER_ACTOR).feed(burst("ann", 4, 0));
    assertThat(replay.alerts).isEmpty();
    assertThat(replay.outcomes).containsOnly(COUNTED);

    replay.feed(burst("ann", 1, 4));
    assertThat(replay.alerts).hasSize(1);
    Alert alert = replay.alerts.get(0);
    assertThat(alert.count()).isEqualTo(5);
    assertThat(alert.groupKey()).isEqualTo("ann");
    assertThat(alert.eventIds()).containsExactly("ann-0", "ann-1", "ann-2", "ann-3", "ann-4");
    assertThat(alert.windowStart()).isEqualTo(TestEvents.T0);
    assertThat(alert.firedAt()).isEqualTo(TestEvents.T0.plusSeconds(4));
    assertThat(alert.window()).isEqualTo(Duration.ofMinutes(10));
    assertThat(alert.ruleId()).isEqualTo("r-1");
    assertThat(alert.ruleName()).isEqualTo("bf");
  }

  @Test
  @DisplayName("events the filter does not match are not counted")
  void nonMatchingIgnored() {
    ActivityEvent ok =
        TestEvents.event(
            "ok",
            "login_succeeded",
            "team_member",
            "ann",
            "ann",
            null,
            3,
            List.of(),
            java.util.Map.of());
    Replay replay = new Replay(PER_ACTOR).feed(burst("ann", 4, 0)).feed(ok);
    assertThat(replay.alerts).isEmpty();
    assertThat(replay.outcomes.get(4)).isNull();
  }

  // ---- event-time windows ----

  @Test
  @DisplayName("events exactly window_seconds apart never count together")
  void exactlyAWindowApart() {
    // 0, 150, 300, 450 and 600: the first has left the window ending at 600.
    Replay replay = new Replay(PER_ACTOR);
    for (long at : new long[] {0, 150, 300, 450, 600}) {
      replay.feed(loginFailed("e" + at, "ann", "10.0.0.1", at));
    }
    assertThat(replay.alerts).isEmpty();
  }

  @Test
  @DisplayName("events a millisecond less than window_seconds apart count together")
  void justInsideTheWindow() {
    Replay replay = new Replay(PER_ACTOR);
    for (long at : new long[] {1, 150, 300, 450}) {
      replay.feed(loginFailed("e" + at, "ann", "10.0.0.1", at));
    }
    ActivityEvent last =
        ActivityEvent.newBuilder(loginFailed("last", "ann", "10.0.0.1", 0))
            .setOccurredAt(TestEvents.T0.plusMillis(600_999))
            .build();
    replay.feed(last);
    assertThat(replay.alerts).hasSize(1);
    assertThat(replay.alerts.get(0).windowStart()).isEqualTo(TestEvents.T0.plusSeconds(1));
  }

  @Test
  @DisplayName("the same events spread over a longer time than the window fire nothing")
  void slowTrickle() {
    Replay replay = new Replay(PER_ACTOR);
    for (int i = 0; i < 20; i++) {
      replay.feed(loginFailed("e" + i, "ann", "10.0.0.1", i * 200L));
    }
    assertThat(replay.alerts).isEmpty();
  }

  // ---- group keys ----

  @Test
  @DisplayName("each actor is counted separately and fires its own alert")
  void perActor() {
    Replay replay = new Replay(PER_ACTOR);
    for (int i = 0; i < 5; i++) {
      replay.feed(loginFailed("a" + i, "ann", "10.0.0.1", i));
      replay.feed(loginFailed("b" + i, "bob", "10.0.0.1", i));
    }
    assertThat(replay.alerts).extracting(Alert::groupKey).containsExactly("ann", "bob");
    assertThat(replay.alerts.get(0).alertId()).isNotEqualTo(replay.alerts.get(1).alertId());
  }

  @Test
  @DisplayName("4 failures each of two actors fire nothing per actor, one alert per ip")
  void perIpAndPerActor() {
    AlertRule perIp =
        Rules.rule(
            "{\"name\": \"ip\", \"filter\": {\"type\": \"login_failed\"}, \"threshold\": 5,"
                + " \"window_seconds\": 600, \"group_by\": \"ip\"}");
    List<ActivityEvent> events = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      events.add(loginFailed("a" + i, "ann", "10.0.0.1", i));
      events.add(loginFailed("b" + i, "bob", "10.0.0.1", i));
    }
    ActivityEvent[] all = events.toArray(ActivityEvent[]::new);
    assertThat(new Replay(PER_ACTOR).feed(all).alerts).isEmpty();
    Replay byIp = new Replay(perIp).feed(all);
    assertThat(byIp.alerts).hasSize(1);
    assertThat(byIp.alerts.get(0).groupKey()).isEqualTo("10.0.0.1");
    assertThat(byIp.alerts.get(0).count()).isEqualTo(5);
  }

  @Test
  @DisplayName("an event without the group's value (no ip) is in no group")
  void missingGroupValue() {
    AlertRule perIp =
        Rules.rule("{\"name\": \"ip\", \"filter\": {}, \"threshold\": 1, \"group_by\": \"ip\"}");
    assertThat(RuleEvaluator.groupKey(perIp, loginFailed("x", "ann", null, 0))).isNull();
    assertThat(RuleEvaluator.groupKey(perIp, loginFailed("y", "ann", "10.0.0.9", 0)))
        .isEqualTo("10.0.0.9");
  }

  @Test
  @DisplayName("group_by record keys by record type and id; none is one group")
  void recordAndNone() {
    AlertRule perRecord =
        Rules.rule("{\"name\": \"r\", \"filter\": {}, \"threshold\": 1, \"group_by\": \"record\"}");
    AlertRule whole = Rules.rule("{\"name\": \"n\", \"filter\": {}, \"threshold\": 1}");
    ActivityEvent e = loginFailed("x", "ann", null, 0);
    assertThat(RuleEvaluator.groupKey(perRecord, e)).isEqualTo("team_member:ann");
    assertThat(RuleEvaluator.groupKey(whole, e)).isEmpty();
  }

  @Test
  @DisplayName(
      "with distinct, repeated values count once: 5 failures of one account are not 5 accounts")
  void distinctValues() {
    AlertRule spraying =
        Rules.rule(
            "{\"name\": \"s\", \"filter\": {\"type\": \"login_failed\"}, \"threshold\": 5,"
                + " \"window_seconds\": 600, \"group_by\": \"ip\", \"distinct\": \"actor\"}");
    Replay replay = new Replay(spraying).feed(burst("ann", 5, 0));
    assertThat(replay.alerts).isEmpty();
    for (String user : List.of("bob", "cid", "dan")) {
      replay.feed(loginFailed(user, user, "10.0.0.1", 10));
    }
    assertThat(replay.alerts).isEmpty();
    replay.feed(loginFailed("eve", "eve", "10.0.0.1", 11));
    assertThat(replay.alerts).hasSize(1);
    assertThat(replay.alerts.get(0).count()).isEqualTo(5);
    assertThat(replay.alerts.get(0).eventIds()).hasSize(9);
  }

  // ---- suppression and re-fire ----

  @Test
  @DisplayName("10 more matching events within suppress_seconds fire nothing and add to the alert")
  void noStorm() {
    Replay replay = new Replay(PER_ACTOR).feed(burst("ann", 5, 0)).feed(burst("ann", 10, 5));
    assertThat(replay.alerts).hasSize(1);
    assertThat(replay.outcomes.subList(5, 15)).containsOnly(SUPPRESSED);
    assertThat(replay.states.get("ann").open().absorbed()).isEqualTo(10);
  }

  @Test
  @DisplayName("a burst that continues past suppress_seconds fires exactly one new alert")
  void continuingBurst() {
    Replay replay = new Replay(PER_ACTOR);
    // One failure every 30 s for 15 minutes: fires at 120 s, suppresses until 720 s, fires again.
    for (int i = 0; i < 30; i++) {
      replay.feed(loginFailed("e" + i, "ann", "10.0.0.1", i * 30L));
    }
    assertThat(replay.alerts)
        .extracting(a -> Duration.between(TestEvents.T0, a.firedAt()).toSeconds())
        .containsExactly(120L, 720L);
    assertThat(replay.alerts.get(0).alertId()).isNotEqualTo(replay.alerts.get(1).alertId());
  }

  @Test
  @DisplayName("a later, separate burst fires again")
  void separateBurst() {
    Replay replay = new Replay(PER_ACTOR).feed(burst("ann", 5, 0)).feed(burst("ann", 4, 3600));
    assertThat(replay.alerts).hasSize(1);
    replay.feed(burst("ann", 1, 3604));
    assertThat(replay.alerts).hasSize(2);
    assertThat(replay.alerts.get(1).count()).isEqualTo(5);
  }

  @Test
  @DisplayName("suppress_seconds 0: every event that meets the condition is its own alert")
  void noSuppression() {
    AlertRule each =
        Rules.rule(
            "{\"name\": \"each\", \"filter\": {}, \"threshold\": 1, \"suppress_seconds\": 0}");
    Replay replay = new Replay(each).feed(burst("ann", 3, 0));
    assertThat(replay.alerts).hasSize(3);
    assertThat(replay.alerts).extracting(Alert::alertId).doesNotHaveDuplicates();
  }

  // ---- late and out-of-order events ----

  @Test
  @DisplayName("the events of one transaction fire the same alert count in any order")
  void oneTransactionAnyOrder() {
    List<ActivityEvent> tx = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tx.add(loginFailed("t" + i, "ann", "10.0.0.1", 60)); // one commit time
    }
    Replay inOrder = new Replay(PER_ACTOR).feed(tx.toArray(ActivityEvent[]::new));
    Collections.reverse(tx);
    Replay reversed = new Replay(PER_ACTOR).feed(tx.toArray(ActivityEvent[]::new));
    assertThat(inOrder.alerts).hasSize(1);
    assertThat(reversed.alerts).hasSize(1);
    assertThat(inOrder.alerts.get(0).count()).isEqualTo(reversed.alerts.get(0).count());
    assertThat(reversed.outcomes)
        .containsExactly(COUNTED, COUNTED, COUNTED, COUNTED, FIRED, SUPPRESSED);
  }

  @Test
  @DisplayName("a late event within the window completes it; the alert lists events in time order")
  void lateEventCompletes() {
    Replay replay =
        new Replay(PER_ACTOR)
            .feed(
                loginFailed("e100", "ann", "10.0.0.1", 100),
                loginFailed("e200", "ann", "10.0.0.1", 200),
                loginFailed("e300", "ann", "10.0.0.1", 300),
                loginFailed("e400", "ann", "10.0.0.1", 400),
                loginFailed("e050", "ann", "10.0.0.1", 50));
    assertThat(replay.alerts).hasSize(1);
    assertThat(replay.alerts.get(0).eventIds())
        .containsExactly("e050", "e100", "e200", "e300", "e400");
    assertThat(replay.alerts.get(0).firedAt()).isEqualTo(TestEvents.T0.plusSeconds(400));
  }

  @Test
  @DisplayName("an event older than the window of the newest one counted is too late to count")
  void tooLate() {
    Replay replay =
        new Replay(PER_ACTOR)
            .feed(loginFailed("new", "ann", "10.0.0.1", 1000), loginFailed("old", "ann", null, 0));
    assertThat(replay.outcomes).containsExactly(COUNTED, TOO_LATE);
    assertThat(replay.states.get("ann").hits()).extracting(Hit::eventId).containsExactly("new");
  }

  @Test
  @DisplayName("an event seen again (a replay) is not counted twice")
  void duplicate() {
    ActivityEvent[] four = burst("ann", 4, 0);
    Replay replay = new Replay(PER_ACTOR).feed(four).feed(four[3]);
    assertThat(replay.outcomes.get(4)).isEqualTo(DUPLICATE);
    assertThat(replay.alerts).isEmpty();
  }

  // ---- identity and state ----

  @Test
  @DisplayName("the same events fire the same alert ids (a replay or a restart collapses)")
  void deterministicIds() {
    ActivityEvent[] events = burst("ann", 12, 0);
    Replay first = new Replay(PER_ACTOR).feed(events);
    Replay again = new Replay(PER_ACTOR).feed(events);
    assertThat(again.alerts).isEqualTo(first.alerts);
    assertThat(first.alerts.get(0).alertId())
        .isEqualTo(RuleEvaluator.alertId("acme", "r-1", "ann", "ann-4"));
  }

  @Test
  @DisplayName("a group's state expires when its newest hit leaves the window and suppression ends")
  void expiry() {
    Replay replay = new Replay(PER_ACTOR).feed(burst("ann", 5, 0));
    GroupState state = replay.states.get("ann");
    // newest hit at 4 s + 600 s window; suppression until 4 + 600 s as well.
    assertThat(state.expiresAt(PER_ACTOR.window())).isEqualTo(TestEvents.T0.plusSeconds(604));
    assertThat(state.at(TestEvents.T0.plusSeconds(603), PER_ACTOR.window())).isSameAs(state);
    assertThat(state.at(TestEvents.T0.plusSeconds(604), PER_ACTOR.window()).isEmpty()).isTrue();
    assertThat(GroupState.EMPTY.expiresAt(PER_ACTOR.window())).isNull();
  }
}
