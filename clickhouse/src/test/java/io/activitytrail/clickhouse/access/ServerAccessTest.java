package io.activitytrail.clickhouse.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activitytrail.clickhouse.ClickHouseMigrations;
import io.activitytrail.clickhouse.GoldenFiles;
import io.activitytrail.clickhouse.TestClickHouse;
import io.activitytrail.clickhouse.embedded.EmbeddedClickHouse;
import io.activitytrail.clickhouse.embedded.EmbeddedSession;
import io.activitytrail.clickhouse.embedded.LibChdb;
import io.activitytrail.clickhouse.embedded.StatementKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * chDB keeps its users and grants in read-only storage, so the roles cannot be created here: each
 * statement is pinned by a golden file and read by ClickHouse's own parser, so a typo fails the
 * build; the migration script is run for real.
 */
class ServerAccessTest {

  private static EmbeddedSession parser;

  private final ServerAccess access =
      ServerAccess.of("trail")
          .withUser(
              ServerAccess.User.withPassword("trail_job", ServerAccess.WRITER_ROLE, "w-secret"))
          .withUser(
              ServerAccess.User.withPassword("auditor", ServerAccess.READER_ROLE, "r-secret"));

  @BeforeAll
  static void openParser() {
    parser = EmbeddedSession.open(LibChdb.locate(), TestClickHouse.dataDir(), Map.of());
  }

  @AfterAll
  static void closeParser() {
    parser.close();
  }

  @Test
  @DisplayName("the roles, profile and users are the statements of the golden file")
  void golden() {
    GoldenFiles.assertMatches(
        "golden/access/server-access.sql", String.join(";\n", access.statements()) + ";\n");
  }

  @Test
  @DisplayName("ClickHouse's parser reads every statement as one access-control statement")
  void everyStatementParses() {
    for (String statement : access.statements()) {
      StatementKind kind = parser.classify(statement);
      assertThat(kind.parsed()).as("parses: %s", statement).isTrue();
      assertThat(kind.statements()).as("one statement: %s", statement).isEqualTo(1);
      assertThat(kind.kind())
          .as("changes access, reads nothing: %s", statement)
          .isNotIn(StatementKind.Kind.UNKNOWN, StatementKind.Kind.READ_ONLY);
    }
  }

  @Test
  @DisplayName("the parser check catches a typo (it can fail)")
  void typoIsCaught() {
    assertThat(parser.classify("GRANT SELEC ON `trail`.`events` TO `trail_reader`").parsed())
        .isFalse();
    assertThat(
            parser
                .classify(
                    "CREATE SETTINGS PROFILE OR REPLACE p SETTINGS readonly = 1,, TO trail_reader")
                .parsed())
        .isFalse();
  }

  @Test
  @DisplayName("the reader is read-only: readonly = 1 last, with the SQL interface's limits")
  void readerProfile() {
    String profile =
        access.statements().stream()
            .filter(s -> s.startsWith("CREATE SETTINGS PROFILE"))
            .findFirst()
            .orElseThrow();
    assertThat(profile)
        .contains(
            "max_execution_time = 60",
            "max_memory_usage = 1073741824",
            "max_result_rows = 1000000",
            "max_result_bytes = 268435456",
            "result_overflow_mode = 'throw'")
        .endsWith("readonly = 1 TO `trail_reader`");
    assertThat(access.statements())
        .filteredOn(s -> s.startsWith("GRANT") && s.endsWith("TO `trail_reader`"))
        .allMatch(s -> s.startsWith("GRANT SELECT ON "));
  }

  @Test
  @DisplayName("the writer may only insert, and only into the table the job writes and its pages")
  void writerOnlyInserts() {
    assertThat(access.statements())
        .filteredOn(s -> s.startsWith("GRANT") && s.endsWith("TO `trail_writer`"))
        .containsExactly(
            "GRANT INSERT ON `trail`.`activity` TO `trail_writer`",
            "GRANT INSERT ON `trail`.`activity_by_workspace` TO `trail_writer`",
            "GRANT INSERT ON `trail`.`activity_by_actor` TO `trail_writer`",
            "GRANT INSERT ON `trail`.`activity_by_record` TO `trail_writer`",
            "GRANT INSERT ON `trail`.`notification` TO `trail_writer`",
            "GRANT INSERT ON `trail`.`email_sent` TO `trail_writer`",
            "GRANT INSERT ON `trail`.`notification_read` TO `trail_writer`",
            "GRANT INSERT ON `trail`.`integrity_checkpoints` TO `trail_writer`");
  }

  @Test
  @DisplayName("no password is in the statements, only its SHA-256")
  void passwordsHashed() {
    assertThat(String.join("\n", access.statements()))
        .doesNotContain("w-secret", "r-secret")
        // sha256sum of "w-secret"
        .contains(
            "IDENTIFIED WITH sha256_hash BY '90d69e968ead0b001bf76513a78e28b5533c4aa1baee660698fae819a1e823cb'");
  }

  @Test
  @DisplayName("the grants name exactly the views and page tables the migrations create")
  void grantsMatchTheSchema() {
    String db = TestClickHouse.freshDatabase();
    try (EmbeddedClickHouse ch = TestClickHouse.open()) {
      ClickHouseMigrations.apply(ch, db);
      List<String> views = names(ch, db, "engine = 'View'");
      List<String> pageTables =
          names(ch, db, "name LIKE 'activity\\\\_by\\\\_%' AND engine LIKE '%MergeTree'");
      List<String> viewTargets =
          names(ch, db, "engine = 'MaterializedView'").stream()
              .map(mv -> mv.replaceAll("_mv$", ""))
              .toList();
      assertThat(ServerAccess.VIEWS).containsExactlyInAnyOrderElementsOf(views);
      assertThat(ServerAccess.PAGE_TABLES).containsExactlyInAnyOrderElementsOf(pageTables);
      assertThat(ServerAccess.WRITTEN_TABLES).containsAll(viewTargets).contains("activity");
    }
  }

  @Test
  @DisplayName("the printed migration script builds the schema, and apply then finds nothing to do")
  void scriptIsTheMigrations() {
    String db = TestClickHouse.freshDatabase();
    try (EmbeddedClickHouse ch = TestClickHouse.open()) {
      ClickHouseMigrations.script(db).forEach(ch::execute);
      assertThat(ClickHouseMigrations.apply(ch, db)).isEmpty();
      assertThat(names(ch, db, "engine = 'View'")).contains("events", "logins");
    }
  }

  @Test
  @DisplayName("a user with a role that is neither the writer's nor the reader's is refused")
  void unknownRole() {
    assertThatThrownBy(
            () ->
                ServerAccess.of("trail")
                    .withUser(ServerAccess.User.withPassword("x", "admin", "p")))
        .hasMessageContaining("neither writer nor reader");
  }

  private static List<String> names(EmbeddedClickHouse ch, String db, String condition) {
    return ch
        .query(
            "SELECT name FROM system.tables WHERE database = {db:String} AND "
                + condition
                + " ORDER BY name",
            Map.of("db", db))
        .stream()
        .map(r -> (String) r.get("name"))
        .toList();
  }
}
