package io.activitytrail.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** V004 on a store that already holds events: the page tables fill, the views feed them on. */
class PageTablesMigrationTest {

  private final ClickHouse ch = TestClickHouse.open();
  private final String db = TestClickHouse.freshDatabase();
  private final List<ClickHouseMigrations.Migration> migrations =
      ClickHouseMigrations.onClasspath();
  private final ActivityEvent reply = TestEvents.ticketUpdated("e-2", "ws-a", "t-1", 2, 11);

  @BeforeEach
  void storeAtV003WithEvents() {
    ch.execute("CREATE DATABASE " + db);
    migrations.subList(0, 3).forEach(this::run);
    reply.setRecordType("message");
    reply.setRecordId("m-1");
    reply.setParentRecordType("ticket");
    reply.setParentRecordId("t-1");
    insert(
        List.of(
            TestEvents.ticketUpdated("e-1", "ws-a", "t-1", 1, 10),
            reply,
            TestEvents.ticketUpdated("e-3", "ws-b", "t-9", 3, 12)));
  }

  @Test
  @DisplayName(
      "V004 keeps every event in activity and files each in the page tables, the message also"
          + " under its ticket")
  void fillsPageTablesFromExistingRows() {
    run(migrations.get(3));

    assertThat(ids("SELECT event_id AS id FROM %s.activity ORDER BY id"))
        .containsExactly("e-1", "e-2", "e-3");
    assertThat(ids("SELECT event_id AS id FROM %s.activity_by_workspace ORDER BY id"))
        .containsExactly("e-1", "e-2", "e-3");
    assertThat(
            ids(
                "SELECT concat(timeline_record_type, '/', timeline_record_id, '/', event_id) AS id"
                    + " FROM %s.activity_by_record ORDER BY id"))
        .containsExactly("message/m-1/e-2", "ticket/t-1/e-1", "ticket/t-1/e-2", "ticket/t-9/e-3");
    assertThat(
            ids(
                "SELECT name AS id FROM system.tables WHERE database = '%s'"
                    + " AND name != 'schema_migrations' ORDER BY id"))
        .containsExactly(
            "activity",
            "activity_by_record",
            "activity_by_record_mv",
            "activity_by_workspace",
            "activity_by_workspace_mv");
  }

  @Test
  @DisplayName("a payload reads back as exactly the event that was written")
  void payloadIsTheEvent() {
    run(migrations.get(3));

    List<byte[]> payloads =
        ch.queryStrings(
            "SELECT payload FROM " + db + ".activity_by_record WHERE timeline_record_id = 'm-1'",
            Map.of());

    assertThat(payloads).hasSize(1);
    assertThat(ActivityRows.fromPayload(payloads.get(0))).isEqualTo(reply);
  }

  @Test
  @DisplayName("after V004 a new event reaches both page tables through the views")
  void viewsFeedThePageTables() {
    run(migrations.get(3));

    insert(List.of(TestEvents.ticketUpdated("e-4", "ws-a", "t-1", 4, 13)));

    assertThat(ids("SELECT event_id AS id FROM %s.activity_by_workspace ORDER BY id"))
        .containsExactly("e-1", "e-2", "e-3", "e-4");
    assertThat(
            ids(
                "SELECT event_id AS id FROM %s.activity_by_record"
                    + " WHERE timeline_record_id = 't-1' ORDER BY id"))
        .containsExactly("e-1", "e-2", "e-4");
  }

  @Test
  @DisplayName(
      "V005 files the stored events with an actor under their actor, and new ones through the view")
  void actorPagesBackfillAndFeed() {
    run(migrations.get(3));
    ActivityEvent system = TestEvents.ticketUpdated("e-sys", "ws-a", "t-1", 5, 14);
    system.getActor().setId(null);
    insert(List.of(system));

    run(migrations.get(4));
    ActivityEvent laterSystem = TestEvents.ticketUpdated("e-sys2", "ws-a", "t-1", 6, 15);
    laterSystem.getActor().setId(null);
    insert(List.of(TestEvents.ticketUpdated("e-4", "ws-a", "t-1", 4, 13), laterSystem));

    List<String> byWorkspace =
        ids(
            "SELECT event_id AS id FROM %s.activity_by_workspace WHERE actor_id IS NOT NULL ORDER BY id");
    assertThat(ids("SELECT event_id AS id FROM %s.activity_by_actor ORDER BY id"))
        .containsExactlyElementsOf(byWorkspace)
        .containsExactly("e-1", "e-2", "e-3", "e-4");
  }

  @Test
  @DisplayName("V006 sets a lower merge_selector_base on each page table, and only there")
  void pageTablesMergeToFewerParts() {
    migrations.subList(3, 6).forEach(this::run);

    assertThat(
            ids(
                "SELECT name AS id FROM system.tables WHERE database = '%s'"
                    + " AND create_table_query LIKE '%merge_selector_base = 2%' ORDER BY id"))
        .containsExactly("activity_by_actor", "activity_by_record", "activity_by_workspace");
  }

  @Test
  @DisplayName("activity keeps its columns, sorting key and record-id index, with default parts")
  void activityKeepsItsShape() {
    List<String> columnsBefore = describe();

    run(migrations.get(3));

    assertThat(describe()).isEqualTo(columnsBefore);
    assertThat(
            ch.query(
                "SELECT sorting_key, create_table_query LIKE '%idx_record_id%' AS indexed,"
                    + " create_table_query LIKE '%min_bytes_for_wide_part%' AS compact"
                    + " FROM system.tables WHERE database = {db:String} AND name = 'activity'",
                Map.of("db", db)))
        .containsExactly(
            Map.of(
                "sorting_key",
                "workspace_id, category, occurred_at, sort_lsn, sort_tx_order, event_id",
                "indexed",
                1,
                "compact",
                0));
  }

  private List<String> describe() {
    return ids(
        "SELECT concat(name, ' ', type, ' ', default_kind, ' ', default_expression) AS id"
            + " FROM system.columns WHERE database = '%s' AND table = 'activity' ORDER BY position");
  }

  private void run(ClickHouseMigrations.Migration migration) {
    migration.statements(db).forEach(ch::execute);
  }

  private void insert(List<ActivityEvent> events) {
    ch.insert(db + ".activity", ActivityRows.COLUMNS, ActivityRows.toJsonEachRow(events));
  }

  private List<String> ids(String sqlWithDatabase) {
    return ch.queryStrings(sqlWithDatabase.replace("%s", db), Map.of()).stream()
        .map(b -> new String(b, StandardCharsets.UTF_8))
        .toList();
  }
}
