package io.activitytrail.alerts;

import static io.activitytrail.alerts.TestEvents.change;
import static io.activitytrail.alerts.TestEvents.event;
import static io.activitytrail.alerts.TestEvents.loginFailed;
import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.mapping.MappingLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The built-in pack: each rule exactly as documented, valid under the helpdesk mapping. */
class BuiltInRulesTest {

  private static final RulePack PACK =
      RulePack.builtIn(RuleVocabulary.of(MappingLoader.load(MappingLoader.BUNDLED)));

  private static AlertRule rule(String name) {
    return PACK.rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("the pack is valid under the helpdesk mapping and holds the six documented rules")
  void packIsValid() {
    assertThat(PACK.invalid()).isEmpty();
    assertThat(PACK.rules())
        .extracting(AlertRule::name)
        .containsExactly(
            "brute_force",
            "password_spraying",
            "privilege_escalation",
            "mass_export_rows",
            "mass_export_frequency",
            "mass_deletion");
    assertThat(PACK.rules()).allSatisfy(r -> assertThat(r.id()).isEqualTo("builtin:" + r.name()));
    assertThat(PACK.rules())
        .allSatisfy(r -> assertThat(r.recipients()).containsExactly("admin", "owner"));
  }

  @Test
  @DisplayName(
      "brute force: 4 failed logins of one account in 10 minutes give nothing, the 5th fires")
  void bruteForce() {
    Replay replay = new Replay(rule("brute_force"));
    for (int i = 0; i < 4; i++) {
      replay.feed(loginFailed("f" + i, "ann", "10.0.0." + i, i * 100L));
    }
    assertThat(replay.alerts).isEmpty();
    replay.feed(loginFailed("f4", "ann", "10.0.0.9", 599));
    assertThat(replay.alerts)
        .singleElement()
        .satisfies(a -> assertThat(a.groupKey()).isEqualTo("ann"));
  }

  @Test
  @DisplayName("password spraying: failed logins for 5 distinct accounts from one ip in 10 minutes")
  void spraying() {
    Replay replay = new Replay(rule("password_spraying"));
    for (String user : List.of("a", "b", "c", "d")) {
      replay.feed(loginFailed(user, user, "198.51.100.7", 10));
    }
    replay.feed(loginFailed("x", "e", "198.51.100.8", 20));
    assertThat(replay.alerts).isEmpty();
    replay.feed(loginFailed("y", "e", "198.51.100.7", 30));
    assertThat(replay.alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.groupKey()).isEqualTo("198.51.100.7");
              assertThat(a.count()).isEqualTo(5);
            });
  }

  private static ActivityEvent roleChange(String id, String member, String from, String to) {
    return event(
        id,
        "role_changed",
        "team_member",
        member,
        "owner-1",
        "10.0.0.1",
        0,
        List.of(change("role", from, to)),
        Map.of());
  }

  @Test
  @DisplayName(
      "privilege escalation: a role changed to admin or owner fires at once, each its own alert")
  void privilegeEscalation() {
    Replay replay =
        new Replay(rule("privilege_escalation"))
            .feed(
                roleChange("r1", "7", "member", "admin"),
                roleChange("r2", "8", "admin", "member"),
                roleChange("r3", "8", "admin", "owner"));
    assertThat(replay.alerts)
        .extracting(Alert::groupKey)
        .containsExactly("team_member:7", "team_member:8");
    assertThat(replay.alerts).allSatisfy(a -> assertThat(a.count()).isEqualTo(1));
  }

  private static ActivityEvent export(String id, String actor, long rows, long at) {
    return event(
        id,
        "data_exported",
        "workspace",
        "acme",
        actor,
        "10.0.0.1",
        at,
        List.of(),
        Map.of("rows", Long.toString(rows)));
  }

  @Test
  @DisplayName("mass export: one export of 10,000 rows fires, of 9,999 does not")
  void largeExport() {
    Replay replay =
        new Replay(rule("mass_export_rows"))
            .feed(export("e1", "ann", 9_999, 0), export("e2", "ann", 10_000, 1));
    assertThat(replay.alerts).extracting(a -> a.eventIds().get(0)).containsExactly("e2");
  }

  @Test
  @DisplayName("mass export: 3 exports by one actor within an hour fire, spread over more do not")
  void frequentExports() {
    AlertRule frequency = rule("mass_export_frequency");
    assertThat(
            new Replay(frequency)
                .feed(
                    export("a", "ann", 5, 0),
                    export("b", "ann", 5, 1800),
                    export("c", "ann", 5, 3599))
                .alerts)
        .hasSize(1);
    assertThat(
            new Replay(frequency)
                .feed(
                    export("a", "ann", 5, 0),
                    export("b", "ann", 5, 1800),
                    export("c", "ann", 5, 3600))
                .alerts)
        .isEmpty();
  }

  @Test
  @DisplayName("mass deletion: 20 deletions by one actor within 5 minutes fire, 19 do not")
  void massDeletion() {
    Replay replay = new Replay(rule("mass_deletion"));
    for (int i = 0; i < 19; i++) {
      String type = i % 2 == 0 ? "deleted" : "file_deleted";
      replay.feed(
          event("d" + i, type, "ticket", "t" + i, "ann", null, i * 10L, List.of(), Map.of()));
    }
    assertThat(replay.alerts).isEmpty();
    replay.feed(event("d19", "deleted", "ticket", "t19", "ann", null, 299, List.of(), Map.of()));
    assertThat(replay.alerts).singleElement().satisfies(a -> assertThat(a.count()).isEqualTo(20));
  }

  @Test
  @DisplayName("a workspace rule with a built-in's name replaces it; disabled, it turns it off")
  void workspaceOverrides() {
    AlertRule off =
        Rules.rule(
            "{\"id\": \"9\", \"name\": \"brute_force\", \"enabled\": false, \"filter\": {}}");
    AlertRule mine = Rules.rule("{\"id\": \"10\", \"name\": \"mine\", \"filter\": {}}");
    List<AlertRule> inForce = RulesInForce.of(PACK.rules(), List.of(off, mine));
    assertThat(inForce)
        .extracting(AlertRule::id)
        .contains("10", "builtin:password_spraying")
        .doesNotContain("9", "builtin:brute_force");
    assertThat(RulesInForce.of(PACK.rules(), List.of())).hasSize(6);
  }

  @Test
  @DisplayName("an invalid rule in a pack is reported with its reason; the others still load")
  void invalidInPack() throws Exception {
    RulePack pack =
        RulePack.parse(
            Json.YAML.readTree(
                "rules:\n"
                    + "  - {name: ok, filter: {type: login_failed}}\n"
                    + "  - {name: bad, filter: {}, window_seconds: -1}\n"
                    + "  - {name: ok, filter: {}}\n"),
            RuleVocabulary.OPEN);
    assertThat(pack.rules()).extracting(AlertRule::name).containsExactly("ok");
    assertThat(pack.invalid())
        .extracting(Throwable::getMessage)
        .containsExactly(
            "rule 'builtin:bad': window_seconds must be positive, got -1",
            "rule 'builtin:ok': a second rule named 'ok'");
  }
}
