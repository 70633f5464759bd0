package io.activitytrail.ingest.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activitytrail.ingest.testing.RealPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("HelpdeskSchema on a real PostgreSQL")
class HelpdeskSchemaTest {
  private static final List<String> TABLES =
      List.of(
          "alert_rules",
          "assets",
          "attachments",
          "customers",
          "notification_preferences",
          "record_followers",
          "ticket_comments",
          "ticket_messages",
          "tickets",
          "users",
          "workspace_settings",
          "workspaces");

  private static String url;
  private static List<String> firstRun;

  @BeforeAll
  static void migrateOnce() {
    url = RealPostgres.newDatabase("schema");
    firstRun = HelpdeskSchema.migrate(url, RealPostgres.USER, RealPostgres.PASSWORD);
  }

  @Test
  @DisplayName(
      "a fresh database gets the tables (V1), the trail context functions (V2), the"
          + " in_progress status (V3), the notification tables (V4), the alert rules (V5), then the"
          + " current trail context functions (repeatable)")
  void appliesAllVersionsInOrder() {
    assertThat(firstRun)
        .containsExactly("1", "2", "3", "4", "5", "R trail context functions (current)");
  }

  @Test
  @DisplayName("migrating a current database applies nothing")
  void secondRunIsANoOp() {
    assertThat(HelpdeskSchema.migrate(url, RealPostgres.USER, RealPostgres.PASSWORD)).isEmpty();
  }

  @Test
  @DisplayName(
      "every helpdesk table exists with REPLICA IDENTITY FULL, and nothing else is in the schema")
  void everyTableKeepsOldValues() throws SQLException {
    Map<String, String> identity = new HashMap<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                """
                SELECT c.relname, c.relreplident FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'helpdesk' AND c.relkind = 'r'
                """)) {
      while (rs.next()) {
        identity.put(rs.getString(1), rs.getString(2));
      }
    }
    assertThat(identity).containsOnlyKeys(TABLES);
    assertThat(identity)
        .allSatisfy((table, replident) -> assertThat(replident).as(table).isEqualTo("f"));
  }

  @Test
  @DisplayName("the migration history is kept outside the captured schema")
  void historyIsNotCaptured() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT to_regclass('public." + HelpdeskSchema.HISTORY_TABLE + "')")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo(HelpdeskSchema.HISTORY_TABLE);
    }
  }

  @Test
  @DisplayName("enumerated columns reject values outside their set")
  void checkConstraintsGuardEnums() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO helpdesk.workspaces (id, name, plan, retention_days) VALUES ('chk', 'Chk', 'team', 90)");
      assertThatThrownBy(
              () ->
                  s.execute(
                      "INSERT INTO helpdesk.tickets (workspace_id, number, subject, status)"
                          + " VALUES ('chk', 1, 'x', 'in_progress_typo')"))
          .hasMessageContaining("tickets_status_check");
      // The product's example: Open -> In Progress.
      s.execute(
          "INSERT INTO helpdesk.tickets (workspace_id, number, subject, status)"
              + " VALUES ('chk', 2, 'y', 'open')");
      assertThat(
              s.executeUpdate(
                  "UPDATE helpdesk.tickets SET status = 'in_progress'"
                      + " WHERE workspace_id = 'chk' AND number = 2"))
          .isEqualTo(1);
      assertThatThrownBy(
              () ->
                  s.execute(
                      "INSERT INTO helpdesk.users (workspace_id, email, name, role, password_hash)"
                          + " VALUES ('chk', 'a@b.c', 'A', 'superuser', 'x')"))
          .hasMessageContaining("users_role_check");
    }
  }

  @Test
  @DisplayName("the trail context functions are installed from the platform-facing SQL file")
  void contextFunctionsInstalled() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE n.nspname = 'trail' AND p.proname IN ('emit_context', 'emit_event')")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(url, RealPostgres.USER, RealPostgres.PASSWORD);
  }
}
