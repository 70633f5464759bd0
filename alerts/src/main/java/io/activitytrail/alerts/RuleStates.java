package io.activitytrail.alerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rule a workspace has and what became of it, for {@code trail rules}: the built-in pack's
 * and the workspace's own rows, each in force, disabled, replaced or switched off by a workspace
 * rule of the same name, or invalid with the reason. The same decisions as {@link RulesInForce},
 * which the job applies. Pure.
 */
public final class RuleStates {

  private RuleStates() {}

  /** What became of one rule. */
  public enum State {
    IN_FORCE("in force"),
    DISABLED("disabled"),
    REPLACED("replaced by the workspace's rule of this name"),
    SWITCHED_OFF("switched off by the workspace's disabled rule of this name"),
    INVALID("invalid");

    private final String text;

    State(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /**
   * @param rule the parsed rule; null when invalid
   * @param reason why the row is no rule; null otherwise
   */
  public record RuleState(String id, String name, AlertRule rule, State state, String reason) {}

  /**
   * @param workspaceRows the workspace's rule rows by id, as {@link RuleRows} rebuilt them
   */
  public static List<RuleState> of(
      String workspace,
      List<AlertRule> builtIns,
      Map<String, Map<String, String>> workspaceRows,
      RuleVocabulary vocabulary) {
    List<RuleState> own = new ArrayList<>();
    Map<String, AlertRule> ownByName = new HashMap<>();
    workspaceRows.forEach(
        (id, row) -> {
          String name = row.getOrDefault("name", "(unnamed)");
          try {
            AlertRule rule =
                RuleParser.workspaceRule(RuleRows.toJson(id, workspace, row), vocabulary);
            ownByName.put(rule.name(), rule);
            own.add(
                new RuleState(
                    id, name, rule, rule.enabled() ? State.IN_FORCE : State.DISABLED, null));
          } catch (InvalidRuleException e) {
            own.add(new RuleState(id, name, null, State.INVALID, e.getMessage()));
          }
        });
    List<RuleState> states = new ArrayList<>();
    for (AlertRule builtIn : builtIns) {
      AlertRule replacing = ownByName.get(builtIn.name());
      State state =
          replacing == null
              ? (builtIn.enabled() ? State.IN_FORCE : State.DISABLED)
              : replacing.enabled() ? State.REPLACED : State.SWITCHED_OFF;
      states.add(new RuleState(builtIn.id(), builtIn.name(), builtIn, state, null));
    }
    own.sort((a, b) -> a.id().compareTo(b.id()));
    states.addAll(own);
    return states;
  }
}
