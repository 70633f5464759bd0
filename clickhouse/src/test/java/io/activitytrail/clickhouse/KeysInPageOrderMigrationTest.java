package io.activitytrail.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** V003 on a store that already holds events: the rows move, the keys change, the view feeds on. */
class KeysInPageOrderMigrationTest {

  private final ClickHouse ch = TestClickHouse.open();
  private final String db = TestClickHouse.freshDatabase();
  private final List<ClickHouseMigrations.Migration> migrations =
      ClickHouseMigrations.onClasspath();

  @BeforeEach
  void storeAtV002WithEvents() {
    ch.execute("CREATE DATABASE " + db);
    run(migrations.get(0));
    run(migrations.get(1));
    insert(
        List.of(
            TestEvents.ticketUpdated("e-1", "ws-a", "t-1", 1, 10),
            TestEvents.ticketUpdated("e-2", "ws-a", "t-1", 2, 11),
            TestEvents.ticketUpdated("e-3", "ws-b", "t-9", 3, 12)));
  }

  @Test
  @DisplayName("V003 keeps every event in both tables and ends their sorting keys in page order")
  void movesRowsAndRekeys() {
    run(migrations.get(2));

    assertThat(eventIds("activity")).containsExactly("e-1", "e-2", "e-3");
    assertThat(eventIds("activity_by_record")).containsExactly("e-1", "e-2", "e-3");
    assertThat(sortingKey("activity"))
        .isEqualTo("workspace_id, category, occurred_at, sort_lsn, sort_tx_order, event_id");
    assertThat(sortingKey("activity_by_record"))
        .isEqualTo(
            "workspace_id, timeline_record_type, timeline_record_id, occurred_at, sort_lsn,"
                + " sort_tx_order, event_id");
    assertThat(
            ch.query(
                "SELECT name FROM system.tables WHERE database = {db:String} ORDER BY name",
                Map.of("db", db)))
        .extracting(row -> row.get("name"))
        .containsExactly("activity", "activity_by_record", "activity_by_record_mv");
  }

  @Test
  @DisplayName("after V003 a new event still reaches the record table through the view")
  void viewFeedsTheNewTable() {
    run(migrations.get(2));

    insert(List.of(TestEvents.ticketUpdated("e-4", "ws-a", "t-1", 4, 13)));

    assertThat(eventIds("activity_by_record")).containsExactly("e-1", "e-2", "e-3", "e-4");
  }

  @Test
  @DisplayName("a missing lsn or tx order sorts as -1, before any real position")
  void missingPositionSortsFirst() {
    run(migrations.get(2));
    ActivityEvent withLsn = TestEvents.ticketUpdated("e-5", "ws-c", "t-1", 5, 14);
    ActivityEvent withoutLsn = TestEvents.ticketUpdated("e-6", "ws-c", "t-1", 5, 0);
    withoutLsn.getSource().setLsn(null);
    withoutLsn.getSource().setTxOrder(null);
    insert(List.of(withLsn, withoutLsn));

    assertThat(
            ch.query(
                "SELECT event_id, sort_lsn, sort_tx_order FROM "
                    + db
                    + ".activity WHERE workspace_id = 'ws-c'"
                    + " ORDER BY occurred_at, sort_lsn, sort_tx_order, event_id",
                Map.of()))
        .containsExactly(
            Map.of("event_id", "e-6", "sort_lsn", -1, "sort_tx_order", -1),
            Map.of("event_id", "e-5", "sort_lsn", 14, "sort_tx_order", 1));
  }

  private void run(ClickHouseMigrations.Migration migration) {
    migration.statements(db).forEach(ch::execute);
  }

  private void insert(List<ActivityEvent> events) {
    ch.insert(db + ".activity", ActivityRows.COLUMNS, ActivityRows.toJsonEachRow(events));
  }

  private List<Object> eventIds(String table) {
    return ch
        .query("SELECT DISTINCT event_id FROM " + db + "." + table + " ORDER BY event_id", Map.of())
        .stream()
        .map(row -> row.get("event_id"))
        .toList();
  }

  private String sortingKey(String table) {
    return (String)
        ch.query(
                "SELECT sorting_key FROM system.tables WHERE database = {db:String}"
                    + " AND name = {table:String}",
                Map.of("db", db, "table", table))
            .get(0)
            .get("sorting_key");
  }
}
