package io.activitytrail.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

  @Test
  @DisplayName("the bundled helpdesk mapping yields the product's activity types and record types")
  void bundled() {
    Taxonomy taxonomy = MappingLoader.load(MappingLoader.BUNDLED).taxonomy();

    assertThat(taxonomy.activityTypes())
        .containsExactlyInAnyOrder(
            "created",
            "updated",
            "deleted",
            "restored",
            "assigned",
            "status_changed",
            "comment_added",
            "file_attached",
            "file_deleted",
            "message_received",
            "message_sent",
            "notification_settings_changed",
            "record_followed",
            "record_unfollowed",
            // feed copies of team actions
            "login_succeeded",
            "role_changed",
            "setting_changed");
    assertThat(taxonomy.auditTypes())
        .containsExactlyInAnyOrder(
            "login_succeeded",
            "login_failed",
            "role_changed",
            "setting_changed",
            "data_exported",
            "file_downloaded",
            "record_viewed",
            "alert_rule_changed",
            "alert_fired");
    assertThat(taxonomy.recordTypes())
        .containsExactlyInAnyOrder(
            "ticket", "asset", "customer", "team_member", "file", "workspace", "alert_rule");
  }

  @Test
  @DisplayName("a platform's own tables, type names and event types make its taxonomy")
  void platformMapping() throws Exception {
    String yaml =
        """
        event_types: [sso_login, api_key_rotated]
        feed_audit_types: [sso_login]
        tables:
          crm.deals:
            record_type: deal
            workspace_column: org_id
            status_column: stage
            types: {created: deal_opened, deleted: deal_dropped}
          crm.audit_trail:
            record_type: org
            workspace_column: org_id
            category: audit
            types: {created: policy_set, updated: policy_set, deleted: policy_set}
            audit_columns: {level: level_changed}
        """;
    Taxonomy taxonomy =
        MappingLoader.parse(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "crm.yaml")
            .taxonomy();

    assertThat(taxonomy.recordTypes()).containsExactlyInAnyOrder("deal", "org");
    assertThat(taxonomy.activityTypes())
        .containsExactlyInAnyOrder(
            "deal_opened", "updated", "deal_dropped", "status_changed", "sso_login");
    assertThat(taxonomy.auditTypes())
        .contains("policy_set", "level_changed", "sso_login", "api_key_rotated", "login_failed")
        .doesNotContain("deal_opened");
    assertThat(taxonomy.types()).contains("deal_opened", "policy_set");
  }
}
