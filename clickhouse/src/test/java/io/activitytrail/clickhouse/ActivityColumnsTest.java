package io.activitytrail.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.clickhouse.ActivityColumns.Column;
import io.activitytrail.event.ActivityEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The column descriptor against everything that repeats it: the tables and page payloads the
 * migrations create, the docs, and the checked-in schema snapshot (rewrite it with {@code
 * -Dgolden.update=true} after adding a migration, and read the diff).
 */
class ActivityColumnsTest {

  private static final Path SNAPSHOT = Path.of("../docs/clickhouse-schema.sql");
  private static final Path DOCS = Path.of("../docs/clickhouse.md");

  /** Columns the activity table adds after the event's own: defaults and sort helpers. */
  private static final List<String> TABLE_OWN =
      List.of(
          "inserted_at DateTime64(3, 'UTC') DEFAULT now64(3)",
          "sort_lsn Int64 MATERIALIZED ifNull(source_lsn, -1)",
          "sort_tx_order Int64 MATERIALIZED ifNull(source_tx_order, -1)");

  private final ClickHouse ch = TestClickHouse.open();
  private String db;

  @BeforeEach
  void setUp() {
    db = TestClickHouse.freshDatabase();
    ClickHouseMigrations.apply(ch, db);
  }

  @Test
  @DisplayName("every event written by the descriptor reads back by it as the same event")
  void roundTripWithoutClickHouse() {
    ActivityEvent noPosition = TestEvents.ticketUpdated("e-np", "w", "1", 2, 0);
    noPosition.getSource().setLsn(null);
    noPosition.getSource().setTxOrder(null);
    noPosition.setRetentionDays(null);
    List<ActivityEvent> events =
        List.of(
            TestEvents.tricky("a", "w"),
            TestEvents.ticketUpdated("e-1", "w", "1", 1, 7),
            noPosition);

    List<ActivityEvent> back = new ArrayList<>();
    for (Map<String, Object> row : JsonEachRow.parse(ActivityRows.toJsonEachRow(events))) {
      assertThat(row.keySet()).containsExactlyElementsOf(ActivityColumns.NAMES);
      back.add(ActivityRows.fromRow(row));
    }
    assertThat(back).containsExactlyElementsOf(events);
  }

  @Test
  @DisplayName(
      "the activity table has the descriptor's columns with its types, in order, then its own")
  void activityTableMatches() {
    List<String> expected = new ArrayList<>();
    for (Column column : ActivityColumns.ALL) {
      expected.add(
          column.name()
              + " "
              + column.type()
              + (column.name().equals("retention_days") ? " DEFAULT 365" : ""));
    }
    expected.addAll(TABLE_OWN);

    assertThat(describe("activity")).containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName(
      "each page table's payload is the whole row, and its filter columns have activity's types")
  void pageTablesMatch() {
    ActivityEvent event = TestEvents.tricky("e-pages", "ws-pages");
    event.getActor().setId("7");
    event.setParentRecordType("ticket");
    event.setParentRecordId("42");
    ch.insert(db + ".activity", ActivityRows.COLUMNS, ActivityRows.toJsonEachRow(List.of(event)));

    Map<String, String> activityTypes = new LinkedHashMap<>();
    for (Column column : ActivityColumns.ALL) {
      activityTypes.put(column.name(), column.type());
    }
    for (String table :
        List.of("activity_by_workspace", "activity_by_actor", "activity_by_record")) {
      List<byte[]> payloads =
          ch.queryStrings(
              "SELECT payload FROM " + db + "." + table + " WHERE event_id = {id:String}",
              Map.of("id", "e-pages"));
      assertThat(payloads).as(table).isNotEmpty();
      for (byte[] payload : payloads) {
        assertThat(JsonEachRow.parse(payload).get(0).keySet())
            .as(table + " payload")
            .containsExactlyElementsOf(ActivityColumns.NAMES);
        assertThat(ActivityRows.fromPayload(payload)).as(table).isEqualTo(event);
      }
      for (Map<String, Object> column :
          ch.query(
              "SELECT name, type FROM system.columns WHERE database = {db:String}"
                  + " AND table = {t:String}",
              Map.of("db", db, "t", table))) {
        String name = column.get("name").toString();
        if (activityTypes.containsKey(name) && !(table + "." + name).equals(ACTOR_KEY)) {
          assertThat(column.get("type")).as(table + "." + name).isEqualTo(activityTypes.get(name));
        }
      }
    }
  }

  /** Sorted by actor, so never null there (events without an actor id have no actor page). */
  private static final String ACTOR_KEY = "activity_by_actor.actor_id";

  @Test
  @DisplayName("the column table of docs/clickhouse.md is the descriptor's")
  void docsMatch() throws IOException {
    StringBuilder table =
        new StringBuilder(BEGIN + "\n| column | type | meaning |\n|---|---|---|\n");
    for (Column c : ActivityColumns.ALL) {
      table.append("| `" + c.name() + "` | `" + c.type() + "` | " + c.meaning() + " |\n");
    }
    table.append(END);
    String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
    int from = docs.indexOf(BEGIN);
    int to = docs.indexOf(END);
    assertThat(from)
        .as("docs/clickhouse.md holds the markers " + BEGIN + " ... " + END)
        .isNotNegative();
    String actual = docs.substring(from, to + END.length());
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(DOCS, docs.replace(actual, table), StandardCharsets.UTF_8);
      actual = table.toString();
    }
    assertThat(actual).isEqualTo(table.toString());
  }

  private static final String BEGIN = "<!-- activity columns: generated by ActivityColumnsTest -->";
  private static final String END = "<!-- end of activity columns -->";

  @Test
  @DisplayName("docs/clickhouse-schema.sql is the schema the migrations create, table by table")
  void schemaSnapshot() throws IOException {
    StringBuilder schema =
        new StringBuilder(
            "-- The ClickHouse schema after every migration, as SHOW CREATE prints it"
                + " ({database} for the\n-- database). Generated by ActivityColumnsTest"
                + " (-Dgolden.update=true); never edited by hand.\n");
    for (Map<String, Object> table :
        ch.query(
            "SELECT name FROM system.tables WHERE database = {db:String} ORDER BY name",
            Map.of("db", db))) {
      String name = table.get("name").toString();
      String create =
          ch.query("SHOW CREATE TABLE " + db + "." + name, Map.of())
              .get(0)
              .get("statement")
              .toString();
      schema.append("\n").append(create.replace(db + ".", "{database}.")).append(";\n");
    }
    String actual = schema.toString();
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(SNAPSHOT, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
  }

  private List<String> describe(String table) {
    List<String> columns = new ArrayList<>();
    for (Map<String, Object> c : ch.query("DESCRIBE TABLE " + db + "." + table, Map.of())) {
      String defaultKind = c.get("default_type").toString();
      // Tuple types are printed one element a line.
      String type =
          c.get("type").toString().replaceAll("\\(\\s+", "(").replaceAll("\\s*\n\\s*", " ");
      columns.add(
          c.get("name")
              + " "
              + type
              + (defaultKind.isEmpty()
                  ? ""
                  : " " + defaultKind + " " + c.get("default_expression")));
    }
    return columns;
  }
}
