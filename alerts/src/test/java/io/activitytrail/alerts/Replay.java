package io.activitytrail.alerts;

import io.activitytrail.event.ActivityEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Feeds events through one rule's evaluation, each group its own state, as the operator does. */
final class Replay {

  final AlertRule rule;
  final Map<String, GroupState> states = new HashMap<>();
  final List<Alert> alerts = new ArrayList<>();
  final List<RuleEvaluator.Outcome> outcomes = new ArrayList<>();

  Replay(AlertRule rule) {
    this.rule = rule;
  }

  Replay feed(ActivityEvent... events) {
    for (ActivityEvent event : events) {
      String key = RuleEvaluator.groupKey(rule, event);
      if (key == null) {
        outcomes.add(null);
        continue;
      }
      RuleEvaluator.Step step =
          RuleEvaluator.step(rule, key, states.getOrDefault(key, GroupState.EMPTY), event);
      states.put(key, step.state());
      outcomes.add(step.outcome());
      if (step.fired() != null) {
        alerts.add(step.fired());
      }
    }
    return this;
  }
}
