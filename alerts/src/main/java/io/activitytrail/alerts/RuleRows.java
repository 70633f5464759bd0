package io.activitytrail.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.FieldChange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A workspace rule's row, rebuilt from its {@code alert_rule_changed} events: a created row's
 * events carry every column as a change from nothing, an update only the columns that changed, a
 * deletion none. The job keeps the row (column to value, as the changes carry them) and parses it
 * again after every change, so the rule in force is always the row as last committed. Pure.
 */
public final class RuleRows {
  private static final Set<String> INTEGERS =
      Set.of("threshold", "window_seconds", "suppress_seconds");

  /** The type and record type the mapping gives a change of {@code helpdesk.alert_rules}. */
  public static final String RULE_CHANGED = "alert_rule_changed";

  public static final String RULE_RECORD_TYPE = "alert_rule";

  private RuleRows() {}

  /** Whether the event is a change of a workspace rule. */
  public static boolean isRuleChange(ActivityEvent event) {
    return RULE_CHANGED.equals(event.getType()) && RULE_RECORD_TYPE.equals(event.getRecordType());
  }

  /**
   * Whether the change removed the row: the one kind of rule change without field changes (a
   * creation lists its values, an update what changed, and an update of ignored columns alone makes
   * no event).
   */
  public static boolean isDeletion(ActivityEvent event) {
    return event.getChanges().isEmpty();
  }

  /** The row after the change: {@code before} (empty for a new row) with its changes applied. */
  public static Map<String, String> apply(Map<String, String> before, ActivityEvent change) {
    Map<String, String> changes = new LinkedHashMap<>();
    for (FieldChange field : change.getChanges()) {
      changes.put(field.getField(), field.getNew$());
    }
    return apply(before, changes);
  }

  /**
   * The row after changes given as column to new value (null: the column became null), as the API
   * shows an {@code alert_rule_changed} event's changes.
   */
  public static Map<String, String> apply(Map<String, String> before, Map<String, String> changes) {
    Map<String, String> row = new LinkedHashMap<>(before);
    changes.forEach(
        (column, value) -> {
          if (value == null) {
            row.remove(column);
          } else {
            row.put(column, value);
          }
        });
    return row;
  }

  /** The row as the JSON object {@link RuleParser#workspaceRule} reads. */
  public static JsonNode toJson(String ruleId, String workspace, Map<String, String> row) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", ruleId);
    node.put("workspace_id", workspace);
    row.forEach(
        (column, value) -> {
          if (column.equals("id") || column.equals("workspace_id")) {
            return;
          }
          if (INTEGERS.contains(column) && value.matches("-?\\d{1,9}")) {
            node.put(column, Integer.parseInt(value));
          } else if (column.equals("enabled") && (value.equals("true") || value.equals("false"))) {
            node.put(column, Boolean.parseBoolean(value));
          } else { // jsonb columns as their text: RuleParser parses them, or says why not
            node.put(column, value);
          }
        });
    return node;
  }
}
