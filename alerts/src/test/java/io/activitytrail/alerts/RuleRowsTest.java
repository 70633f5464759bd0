package io.activitytrail.alerts;

import static io.activitytrail.alerts.TestEvents.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.FieldChange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RuleRowsTest {

  private static ActivityEvent ruleChange(String ruleId, List<FieldChange> changes) {
    return TestEvents.event(
        "e-" + changes.size(),
        RuleRows.RULE_CHANGED,
        RuleRows.RULE_RECORD_TYPE,
        ruleId,
        "ines",
        null,
        0,
        changes,
        Map.of());
  }

  /** A new row's event: every column as a change from nothing, as Debezium sends them. */
  private static final ActivityEvent CREATED =
      ruleChange(
          "17",
          List.of(
              change("name", null, "many failed logins"),
              change("enabled", null, "true"),
              change("filter", null, "{\"type\": [\"login_failed\"]}"),
              change("threshold", null, "3"),
              change("window_seconds", null, "300"),
              change("group_by", null, "actor"),
              change("suppress_seconds", null, "600"),
              change("severity", null, "high"),
              change("recipients", null, "[\"admin\", \"sec@example.com\"]"),
              change("created_by", null, "4")));

  private static AlertRule parse(Map<String, String> row) {
    return RuleParser.workspaceRule(RuleRows.toJson("17", "acme", row), RuleVocabulary.OPEN);
  }

  @Test
  @DisplayName("a created rule's event rebuilds its row, which parses into the rule as stored")
  void createdRowParses() {
    Map<String, String> row = RuleRows.apply(Map.of(), CREATED);

    AlertRule rule = parse(row);
    assertThat(rule.id()).isEqualTo("17");
    assertThat(rule.workspaceId()).isEqualTo("acme");
    assertThat(rule.threshold()).isEqualTo(3);
    assertThat(rule.window()).isEqualTo(Duration.ofMinutes(5));
    assertThat(rule.groupBy()).isEqualTo(GroupBy.ACTOR);
    assertThat(rule.recipients()).containsExactly("admin", "sec@example.com");
    assertThat(rule.enabled()).isTrue();
    assertThat(RuleRows.isRuleChange(CREATED)).isTrue();
    assertThat(RuleRows.isDeletion(CREATED)).isFalse();
  }

  @Test
  @DisplayName("an update changes only the columns it lists; disabling takes the rule out of force")
  void updateAppliesItsChanges() {
    Map<String, String> row = RuleRows.apply(Map.of(), CREATED);
    row =
        RuleRows.apply(
            row,
            ruleChange(
                "17", List.of(change("enabled", "true", "false"), change("threshold", "3", "4"))));

    AlertRule rule = parse(row);
    assertThat(rule.enabled()).isFalse();
    assertThat(rule.threshold()).isEqualTo(4);
    assertThat(rule.name()).isEqualTo("many failed logins");
    assertThat(RulesInForce.of(List.of(), List.of(rule))).isEmpty();
  }

  @Test
  @DisplayName("a deletion is the rule change without field changes")
  void deletion() {
    assertThat(RuleRows.isDeletion(ruleChange("17", List.of()))).isTrue();
  }

  @Test
  @DisplayName(
      "a row that does not make a rule (negative window, unknown role) is refused with the reason")
  void invalidRowRefused() {
    Map<String, String> negative =
        RuleRows.apply(
            RuleRows.apply(Map.of(), CREATED),
            ruleChange("17", List.of(change("window_seconds", "300", "-5"))));
    assertThatThrownBy(() -> parse(negative))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("window_seconds must be positive");

    Map<String, String> role =
        RuleRows.apply(
            RuleRows.apply(Map.of(), CREATED),
            ruleChange("17", List.of(change("recipients", null, "[\"janitor\"]"))));
    assertThatThrownBy(() -> parse(role))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("neither an email address nor a known role");
  }
}
