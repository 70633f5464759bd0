package io.activitytrail.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Rules for tests, written as the YAML/JSON a rule is stored in. */
final class Rules {

  private Rules() {}

  static AlertRule rule(String json) {
    return RuleParser.workspaceRule(node(json), RuleVocabulary.OPEN);
  }

  static JsonNode node(String json) {
    try {
      ObjectNode node = (ObjectNode) Json.MAPPER.readTree(json);
      if (!node.has("id")) {
        node.put("id", "r-1");
      }
      if (!node.has("workspace_id")) {
        node.put("workspace_id", "acme");
      }
      return node;
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
