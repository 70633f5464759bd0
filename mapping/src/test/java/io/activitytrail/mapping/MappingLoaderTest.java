package io.activitytrail.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingLoaderTest {

  private static Mapping parse(String yaml) throws Exception {
    return MappingLoader.parse(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }

  @Test
  @DisplayName("the bundled helpdesk mapping loads and maps every reference table")
  void bundled() {
    Mapping mapping = MappingLoader.load(MappingLoader.BUNDLED);

    assertThat(mapping.tables())
        .containsOnlyKeys(
            "helpdesk.workspaces",
            "helpdesk.users",
            "helpdesk.customers",
            "helpdesk.tickets",
            "helpdesk.ticket_messages",
            "helpdesk.ticket_comments",
            "helpdesk.assets",
            "helpdesk.attachments",
            "helpdesk.workspace_settings",
            "helpdesk.notification_preferences",
            "helpdesk.record_followers",
            "helpdesk.alert_rules");
    TableMapping tickets = mapping.table("helpdesk", "tickets").orElseThrow();
    assertThat(tickets.display()).isEqualTo("#{number} {subject}");
    assertThat(tickets.ignoredColumns()).containsExactly("updated_at", "updated_by");
    assertThat(tickets.fallbackActorColumn()).isEqualTo("updated_by");
    assertThat(tickets.key()).containsExactly("id");
  }

  @Test
  @DisplayName("an unknown key is rejected naming the file, the line and the key")
  void unknownKey() {
    String yaml =
        """
        tables:
          helpdesk.tickets:
            record_type: ticket
            workspace_column: workspace_id
            stauts_column: status
        """;

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("mapping test.yaml, near line")
        .hasMessageContaining("unknown key 'stauts_column' (tables.helpdesk.tickets.stauts_column)")
        .hasMessageContaining("status_column");
  }

  @Test
  @DisplayName(
      "a created activity leaves out the row's identity (key, workspace, record and parent ids)"
          + " and the columns the mapping names; an unknown one is rejected")
  void omittedOnCreate() throws Exception {
    TableMapping attachments =
        MappingLoader.load(MappingLoader.BUNDLED).table("helpdesk", "attachments").orElseThrow();
    assertThat(attachments.omittedOnCreate())
        .containsExactlyInAnyOrder("id", "workspace_id", "record_type", "record_id", "created_at");

    String yaml =
        """
        tables:
          helpdesk.tickets:
            record_type: ticket
            workspace_column: workspace_id
            created_omitted_columns: [made_at]
            columns: [id, workspace_id, created_at]
        """;
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("tables.helpdesk.tickets names columns [made_at]");
  }

  @Test
  @DisplayName(
      "the notification section names mapped tables and their columns; the bundled one loads")
  void notificationSection() {
    NotificationMapping bundled =
        MappingLoader.load(MappingLoader.BUNDLED).notificationMapping().orElseThrow();
    assertThat(bundled.users().adminRoles()).containsExactly("owner", "admin");
    assertThat(bundled.preferences().table()).isEqualTo("helpdesk.notification_preferences");

    String yaml =
        """
        notifications:
          users: {table: helpdesk.people, email_column: mail, role_column: role}
          preferences: {table: helpdesk.users, user_column: id, type_column: kind, scope_column: scope,
                        in_app_column: in_app, email_column: email}
          followers: {table: helpdesk.users, user_column: id, record_type_column: rt, record_id_column: ri}
        tables:
          helpdesk.users:
            record_type: team_member
            workspace_column: workspace_id
            columns: [id, workspace_id, email, role, scope, in_app, rt, ri]
        """;
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("notifications.users: helpdesk.people is not a mapped table")
        .hasMessageContaining("notifications.preferences names columns [kind]");
  }

  @Test
  @DisplayName("a column not in the table's column list is rejected with the table and column")
  void unknownColumn() {
    String yaml =
        """
        tables:
          helpdesk.tickets:
            record_type: ticket
            workspace_column: workspace_id
            status_column: state
            columns: [id, workspace_id, status]
        """;

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("tables.helpdesk.tickets names columns [state]");
  }

  @Test
  @DisplayName("a missing required key is rejected naming it")
  void missingRequired() {
    String yaml =
        """
        tables:
          helpdesk.tickets:
            record_type: ticket
        """;

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("workspace_column");
  }

  @Test
  @DisplayName("a mapping file on disk is read by path; a missing one names the path")
  void fromFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("platform.yaml");
    Files.writeString(
        file,
        """
        tables:
          crm.deals:
            record_type: deal
            workspace_column: tenant_id
            display: "{title}"
        """);

    assertThat(MappingLoader.load(file.toString()).table("crm", "deals")).isPresent();
    assertThatThrownBy(() -> MappingLoader.load(dir.resolve("nope.yaml").toString()))
        .hasMessageContaining("nope.yaml");
  }

  @Test
  @DisplayName("an assignee reference to a table that is not mapped is rejected naming both")
  void referenceToUnmappedTable() {
    String yaml =
        """
        tables:
          helpdesk.tickets:
            record_type: ticket
            workspace_column: workspace_id
            assignee: {column: assignee_id, references: agents, display: name}
        """;

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining(
            "tables.helpdesk.tickets reference of column assignee_id: helpdesk.agents is not a"
                + " mapped table");
  }

  @Test
  @DisplayName("a reference's display column must be one of the referenced table's columns")
  void referenceDisplayColumn() {
    String yaml =
        """
        tables:
          helpdesk.users:
            record_type: team_member
            workspace_column: workspace_id
            columns: [id, workspace_id, name]
          helpdesk.tickets:
            record_type: ticket
            workspace_column: workspace_id
            fallback_actor: {column: updated_by, references: helpdesk.users, display: full_name}
        """;

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining(
            "display column 'full_name' is not in the 'columns' list of helpdesk.users");
  }

  @Test
  @DisplayName("a reference gives both 'references' and 'display', or neither")
  void referenceNeedsBoth() {
    String yaml =
        """
        tables:
          helpdesk.tickets:
            record_type: ticket
            workspace_column: workspace_id
            assignee: {column: assignee_id, references: users}
        """;

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("needs both 'references' (or 'references_by') and 'display'");
  }

  @Test
  @DisplayName(
      "the bundled mapping names users and customers as the sources of assignee, actor and author names")
  void bundledReferences() {
    Mapping mapping = MappingLoader.load(MappingLoader.BUNDLED);

    assertThat(mapping.referencedDisplays())
        .containsOnlyKeys("helpdesk.users", "helpdesk.customers");
    assertThat(mapping.referencedDisplays().get("helpdesk.users")).containsExactly("name");
    assertThat(mapping.referencedDisplays().get("helpdesk.customers")).containsExactly("name");
    assertThat(mapping.table("helpdesk", "workspaces").orElseThrow().retentionColumn())
        .isEqualTo("retention_days");
    assertThat(mapping.feedAuditTypes())
        .containsExactlyInAnyOrder("login_succeeded", "role_changed", "setting_changed");
  }

  @Test
  @DisplayName(
      "a name chosen by a discriminator column resolves each listed value to its table, and others to none")
  void namesByDiscriminator() {
    Reference author =
        MappingLoader.load(MappingLoader.BUNDLED)
            .table("helpdesk", "ticket_messages")
            .orElseThrow()
            .names()
            .get("author_name");

    assertThat(author.qualifiedTable("helpdesk", column -> "inbound"))
        .isEqualTo("helpdesk.customers");
    assertThat(author.qualifiedTable("helpdesk", column -> "outbound")).isEqualTo("helpdesk.users");
    assertThat(author.qualifiedTable("helpdesk", column -> "internal")).isNull();
    assertThat(author.qualifiedTable("helpdesk", column -> null)).isNull();
    assertThat(author.qualifiedTables("helpdesk"))
        .containsExactly("helpdesk.customers", "helpdesk.users");
  }

  @Test
  @DisplayName(
      "every table a discriminator may name must be mapped and have the display column, and the discriminator column must exist")
  void namesByDiscriminatorValidated() {
    String yaml =
        """
        tables:
          helpdesk.users:
            record_type: team_member
            workspace_column: workspace_id
            columns: [id, workspace_id, name]
          helpdesk.ticket_messages:
            record_type: ticket
            workspace_column: workspace_id
            names:
              author_name:
                column: author_id
                references_by: {column: kind, values: {inbound: contacts, outbound: users}}
                display: name
            columns: [id, workspace_id, author_id, direction]
        """;

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("tables.helpdesk.ticket_messages names columns [kind]")
        .hasMessageContaining(
            "tables.helpdesk.ticket_messages reference of column author_id: helpdesk.contacts is"
                + " not a mapped table");
  }

  @Test
  @DisplayName("a reference gives 'references' or 'references_by', not both")
  void referencesOrReferencesBy() {
    String yaml =
        """
        tables:
          helpdesk.ticket_comments:
            record_type: ticket
            workspace_column: workspace_id
            names:
              author_name:
                column: author_id
                references: users
                references_by: {column: direction, values: {inbound: customers}}
                display: name
        """;

    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("gives 'references' and 'references_by': pick one");
  }
}
