package io.activitytrail.alerts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rules apply to a workspace: its own enabled rules, and each built-in rule unless a
 * workspace rule of the same name replaces it (enabled: the workspace's version counts instead;
 * disabled: the built-in is off for that workspace). Pure.
 */
public final class RulesInForce {

  private RulesInForce() {}

  public static List<AlertRule> of(
      Collection<AlertRule> builtIns, Collection<AlertRule> workspaceRules) {
    Map<String, AlertRule> byName = new HashMap<>();
    for (AlertRule rule : workspaceRules) {
      byName.put(rule.name(), rule);
    }
    List<AlertRule> inForce = new ArrayList<>();
    for (AlertRule builtIn : builtIns) {
      if (builtIn.enabled() && !byName.containsKey(builtIn.name())) {
        inForce.add(builtIn);
      }
    }
    for (AlertRule rule : workspaceRules) {
      if (rule.enabled()) {
        inForce.add(rule);
      }
    }
    // Sorted by id so that evaluation, and with it the order of fired alerts, is deterministic.
    inForce.sort((a, b) -> a.id().compareTo(b.id()));
    return inForce;
  }
}
