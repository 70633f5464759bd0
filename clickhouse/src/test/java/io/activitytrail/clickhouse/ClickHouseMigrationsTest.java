package io.activitytrail.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClickHouseMigrationsTest {

  private final ClickHouse ch = TestClickHouse.open();

  @Test
  @DisplayName("a fresh database gets every migration, recorded with version, name and checksum")
  void appliesAllOnFreshDatabase() {
    String db = TestClickHouse.freshDatabase();

    assertThat(ClickHouseMigrations.apply(ch, db))
        .containsExactly(
            "V001__activity",
            "V002__activity_by_record",
            "V003__keys_in_page_order",
            "V004__page_tables",
            "V005__actor_pages",
            "V006__fewer_parts",
            "V007__occurred_at_in_ttl_range",
            "V008__sql_views",
            "V009__notifications",
            "V010__notifications_view",
            "V011__alerts_view",
            "V012__integrity_checkpoints");

    List<Map<String, Object>> recorded =
        ch.query(
            "SELECT version, name, checksum FROM " + db + ".schema_migrations ORDER BY version",
            Map.of());
    List<ClickHouseMigrations.Migration> files = ClickHouseMigrations.onClasspath();
    assertThat(recorded)
        .containsExactly(
            Map.of("version", 1, "name", "activity", "checksum", files.get(0).checksum()),
            Map.of("version", 2, "name", "activity_by_record", "checksum", files.get(1).checksum()),
            Map.of("version", 3, "name", "keys_in_page_order", "checksum", files.get(2).checksum()),
            Map.of("version", 4, "name", "page_tables", "checksum", files.get(3).checksum()),
            Map.of("version", 5, "name", "actor_pages", "checksum", files.get(4).checksum()),
            Map.of("version", 6, "name", "fewer_parts", "checksum", files.get(5).checksum()),
            Map.of(
                "version",
                7,
                "name",
                "occurred_at_in_ttl_range",
                "checksum",
                files.get(6).checksum()),
            Map.of("version", 8, "name", "sql_views", "checksum", files.get(7).checksum()),
            Map.of("version", 9, "name", "notifications", "checksum", files.get(8).checksum()),
            Map.of(
                "version", 10, "name", "notifications_view", "checksum", files.get(9).checksum()),
            Map.of("version", 11, "name", "alerts_view", "checksum", files.get(10).checksum()),
            Map.of(
                "version",
                12,
                "name",
                "integrity_checkpoints",
                "checksum",
                files.get(11).checksum()));
    assertThat(ch.query("EXISTS TABLE " + db + ".activity", Map.of()))
        .containsExactly(Map.of("result", 1));
    assertThat(ch.query("EXISTS TABLE " + db + ".activity_by_record", Map.of()))
        .containsExactly(Map.of("result", 1));
  }

  @Test
  @DisplayName("applying again applies nothing")
  void secondApplyIsNoOp() {
    String db = TestClickHouse.freshDatabase();
    ClickHouseMigrations.apply(ch, db);

    assertThat(ClickHouseMigrations.apply(ch, db)).isEmpty();
    assertThat(ch.query("SELECT count() AS n FROM " + db + ".schema_migrations", Map.of()))
        .containsExactly(Map.of("n", ClickHouseMigrations.onClasspath().size()));
  }

  @Test
  @DisplayName("an applied migration whose file changed since is an error naming the migration")
  void changedChecksumIsAnError() {
    String db = TestClickHouse.freshDatabase();
    ClickHouseMigrations.apply(ch, db);
    ch.execute("TRUNCATE TABLE " + db + ".schema_migrations");
    ch.insert(
        db + ".schema_migrations",
        List.of("version", "name", "checksum", "applied_at"),
        JsonEachRow.write(
            List.of(
                Map.of(
                    "version", 1,
                    "name", "activity",
                    "checksum", "0000",
                    "applied_at", "2026-01-01 00:00:00.000"))));

    assertThatThrownBy(() -> ClickHouseMigrations.apply(ch, db))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("V001__activity")
        .hasMessageContaining("changed after it was applied");
  }

  @Test
  @DisplayName("a database name that is not an identifier is refused before any SQL runs")
  void databaseNameValidated() {
    assertThatThrownBy(() -> ClickHouseMigrations.apply(ch, "x; DROP DATABASE y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("identifier");
  }

  @Test
  @DisplayName(
      "statements split at semicolons ending a line; comments dropped; {database} replaced")
  void splitsStatements() {
    ClickHouseMigrations.Migration m =
        ClickHouseMigrations.parse(
            "V002__two.sql",
            """
            -- first; not a statement end
            CREATE TABLE {database}.a (x String DEFAULT 'a;b') ENGINE = Memory;

            ALTER TABLE {database}.a
              ADD COLUMN y UInt8;
            """);

    assertThat(m.id()).isEqualTo("V002__two");
    assertThat(m.statements("trail"))
        .containsExactly(
            "CREATE TABLE `trail`.a (x String DEFAULT 'a;b') ENGINE = Memory",
            "ALTER TABLE `trail`.a\n  ADD COLUMN y UInt8");
  }

  @Test
  @DisplayName("index.txt lists exactly the migration files of the folder")
  void indexMatchesFolder() throws IOException, URISyntaxException {
    Path folder =
        Path.of(getClass().getClassLoader().getResource("clickhouse/migrations/index.txt").toURI())
            .getParent();
    List<String> files;
    try (Stream<Path> list = Files.list(folder)) {
      files =
          list.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".sql"))
              .sorted()
              .toList();
    }
    assertThat(ClickHouseMigrations.onClasspath())
        .extracting(m -> m.id() + ".sql")
        .containsExactlyElementsOf(files);
  }
}
