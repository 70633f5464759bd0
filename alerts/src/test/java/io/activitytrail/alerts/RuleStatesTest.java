package io.activitytrail.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.alerts.RuleStates.RuleState;
import io.activitytrail.alerts.RuleStates.State;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RuleStatesTest {

  private static final List<AlertRule> BUILT_INS = RulePack.builtIn(RuleVocabulary.OPEN).rules();

  @Test
  @DisplayName(
      "built-in rules are in force unless a workspace rule of the same name replaces or switches them off; an invalid row says why")
  void statesOfEveryRule() {
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    rows.put(
        "3",
        Map.of(
            "name", "brute_force",
            "filter", "{\"type\": \"login_failed\"}",
            "threshold", "10",
            "group_by", "actor"));
    rows.put("4", Map.of("name", "mass_deletion", "filter", "{}", "enabled", "false"));
    rows.put("5", Map.of("name", "typo", "filter", "{}", "window_seconds", "-1"));

    List<RuleState> states = RuleStates.of("acme", BUILT_INS, rows, RuleVocabulary.OPEN);

    Map<String, State> byId = new LinkedHashMap<>();
    states.forEach(s -> byId.put(s.id(), s.state()));
    assertThat(byId)
        .containsEntry("builtin:brute_force", State.REPLACED)
        .containsEntry("builtin:mass_deletion", State.SWITCHED_OFF)
        .containsEntry("builtin:password_spraying", State.IN_FORCE)
        .containsEntry("3", State.IN_FORCE)
        .containsEntry("4", State.DISABLED)
        .containsEntry("5", State.INVALID);
    assertThat(states.get(states.size() - 1).reason()).contains("window_seconds must be positive");
    List<String> inForce =
        RulesInForce.of(
                BUILT_INS,
                states.stream()
                    .filter(s -> !s.id().startsWith("builtin:") && s.rule() != null)
                    .map(RuleState::rule)
                    .toList())
            .stream()
            .map(AlertRule::id)
            .toList();
    assertThat(inForce)
        .as("the job's rules in force are exactly those shown in force")
        .containsExactlyInAnyOrderElementsOf(
            states.stream().filter(s -> s.state() == State.IN_FORCE).map(RuleState::id).toList());
  }
}
