package io.activitytrail.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activitytrail.schemas.filter.EventFilterJson;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RuleParserTest {

  private static final RuleVocabulary VOCABULARY =
      new RuleVocabulary(
          Set.of("login_failed", "role_changed"), Set.of("team_member"), Set.of("role", "email"));

  private static AlertRule parse(String json) {
    return RuleParser.workspaceRule(Rules.node(json), VOCABULARY);
  }

  @Test
  @DisplayName("a database row's columns make a rule; the filter may come as JSON text (jsonb)")
  void fromRow() {
    AlertRule rule =
        parse(
            "{\"id\": \"42\", \"workspace_id\": \"acme\", \"name\": \"admins\", \"enabled\": true,"
                + " \"filter\": \"{\\\"type\\\": \\\"role_changed\\\", \\\"field\\\": \\\"role\\\"}\","
                + " \"threshold\": 2, \"window_seconds\": 300, \"group_by\": \"record\","
                + " \"suppress_seconds\": 60, \"severity\": \"critical\","
                + " \"recipients\": \"[\\\"sec@example.com\\\", \\\"owner\\\"]\","
                + " \"created_by\": \"7\", \"updated_at\": \"2026-03-04T10:00:00Z\"}");
    assertThat(rule.id()).isEqualTo("42");
    assertThat(rule.builtIn()).isFalse();
    assertThat(EventFilterJson.write(rule.filter()))
        .isEqualTo("{\"type\":\"role_changed\",\"field\":\"role\"}");
    assertThat(rule.threshold()).isEqualTo(2);
    assertThat(rule.window()).isEqualTo(Duration.ofMinutes(5));
    assertThat(rule.groupBy()).isEqualTo(GroupBy.RECORD);
    assertThat(rule.distinct()).isNull();
    assertThat(rule.suppress()).isEqualTo(Duration.ofMinutes(1));
    assertThat(rule.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(rule.recipients()).containsExactly("sec@example.com", "owner");
  }

  @Test
  @DisplayName(
      "defaults: enabled, threshold 1, a 60 s window, suppression as long as the window, admins and owners")
  void defaults() {
    AlertRule rule = parse("{\"name\": \"any\", \"filter\": {}}");
    assertThat(rule.enabled()).isTrue();
    assertThat(rule.threshold()).isEqualTo(1);
    assertThat(rule.window()).isEqualTo(Duration.ofSeconds(60));
    assertThat(rule.suppress()).isEqualTo(Duration.ofSeconds(60));
    assertThat(rule.groupBy()).isEqualTo(GroupBy.NONE);
    assertThat(rule.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(rule.recipients()).containsExactly("admin", "owner");
  }

  @Test
  @DisplayName(
      "the table's distinct_by column is the rule's distinct; jsonb columns may come as text")
  void distinctByColumn() {
    AlertRule rule =
        parse(
            """
            {"name": "spray", "filter": {}, "group_by": "ip", "distinct_by": "actor",
             "detail_at_least": "{\\"rows\\": 5}"}
            """);
    assertThat(rule.distinct()).isEqualTo(GroupBy.ACTOR);
    assertThat(rule.detailAtLeast()).containsOnlyKeys("rows");
  }

  @Test
  @DisplayName("invalid rules are refused with the rule and a reason naming what is wrong")
  void invalidRules() {
    assertRefused(
        "{\"name\": \"x\", \"filter\": {\"type\": \"login_faild\"}}",
        "rule 'r-1': unknown type 'login_faild' in filter; known: [login_failed, role_changed]");
    assertRefused(
        "{\"name\": \"x\", \"filter\": {\"field\": \"rol\"}}",
        "rule 'r-1': unknown field 'rol' in filter; known: [email, role]");
    assertRefused(
        "{\"name\": \"x\", \"filter\": {\"record_type\": \"robot\"}}",
        "rule 'r-1': unknown record_type 'robot' in filter; known: [team_member]");
    assertRefused(
        "{\"name\": \"x\", \"filter\": {\"colour\": \"red\"}}",
        "rule 'r-1': filter: unknown filter key 'colour'");
    assertRefused(
        "{\"name\": \"x\", \"filter\": {}, \"window_seconds\": -5}",
        "rule 'r-1': window_seconds must be positive, got -5");
    assertRefused(
        "{\"name\": \"x\", \"filter\": {}, \"window_seconds\": 0}",
        "rule 'r-1': window_seconds must be positive, got 0");
    assertRefused(
        "{\"name\": \"x\", \"filter\": {}, \"suppress_seconds\": -1}",
        "rule 'r-1': suppress_seconds must not be negative, got -1");
    assertRefused(
        "{\"name\": \"x\", \"filter\": {}, \"threshold\": 0}",
        "rule 'r-1': threshold must be at least 1, got 0");
    assertRefused(
        "{\"name\": \"x\", \"filter\": {}, \"threshold\": 2.5}",
        "rule 'r-1': threshold must be a whole number, got 2.5");
    assertRefused(
        "{\"name\": \"x\", \"filter\": {}, \"recipients\": [\"admins\"]}",
        "rule 'r-1': recipient \"admins\" is neither an email address nor a known role;"
            + " roles: [admin, owner]");
    assertRefused(
        "{\"name\": \"x\", \"filter\": {}, \"recipients\": []}",
        "rule 'r-1': recipients must be a non-empty list");
    assertRefused(
        "{\"name\": \"x\", \"filter\": {}, \"group_by\": \"team\"}",
        "rule 'r-1': unknown group_by 'team'; known: actor, ip, record, none");
    assertRefused(
        "{\"name\": \"x\", \"filter\": {}, \"group_by\": \"ip\", \"distinct\": \"ip\"}",
        "rule 'r-1': distinct must be actor, ip or record and differ from group_by, got ip");
    assertRefused(
        "{\"name\": \"x\", \"filter\": {}, \"severity\": \"urgent\"}",
        "rule 'r-1': unknown severity 'urgent'; known: low, medium, high, critical");
    assertRefused(
        "{\"name\": \"x\", \"filter\": {}, \"enabled\": \"yes\"}",
        "rule 'r-1': enabled must be true or false, got \"yes\"");
    assertRefused("{\"name\": \"x\"}", "rule 'r-1': filter is required");
    assertRefused("{\"filter\": {}}", "rule 'r-1': name is required");
    assertRefused(
        "{\"name\": \"x\", \"filter\": {}, \"treshold\": 5}", "rule 'r-1': unknown key 'treshold'");
    assertRefused(
        "{\"name\": \"x\", \"filter\": {}, \"detail_at_least\": {\"rows\": \"many\"}}",
        "rule 'r-1': detail_at_least.rows must be a number, got \"many\"");
    assertRefused(
        "{\"id\": \"builtin:x\", \"name\": \"x\", \"filter\": {}}",
        "rule 'builtin:x': id must not start with builtin:");
  }

  private static void assertRefused(String json, String messageStart) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageStartingWith(messageStart);
  }
}
