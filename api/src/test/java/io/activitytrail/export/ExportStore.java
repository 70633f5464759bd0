package io.activitytrail.export;

import io.activitytrail.api.TestApi;
import io.activitytrail.clickhouse.ActivityQueries;
import io.activitytrail.clickhouse.ActivityRows;
import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.ClickHouseMigrations;
import io.activitytrail.clickhouse.embedded.EmbeddedClickHouse;
import io.activitytrail.clickhouse.embedded.LibChdb;
import io.activitytrail.event.ActivityEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh database on this test JVM's embedded ClickHouse (the same storage path as the API tests:
 * chDB takes one per process).
 */
final class ExportStore {

  final ClickHouse ch = EmbeddedClickHouse.open(LibChdb.locate(), TestApi.dataDir());
  final String database = "x_" + UUID.randomUUID().toString().replace("-", "");
  final ActivityQueries queries;
  final ExportLog log;

  ExportStore() {
    ClickHouseMigrations.apply(ch, database);
    queries = new ActivityQueries(ch, database);
    log = new ExportLog(ch, database);
  }

  void insert(List<ActivityEvent> events) {
    ch.insert(database + ".activity", ActivityRows.COLUMNS, ActivityRows.toJsonEachRow(events));
  }

  /** Copies of an event count once, as every read shows them. */
  List<Map<String, Object>> exportEvents(String workspace) {
    return ch.query(
        "SELECT event_id, actor_id, actor_channel, record_type, record_id, details FROM "
            + database
            + ".activity FINAL WHERE workspace_id = {ws:String} AND type = 'data_exported'",
        Map.of("ws", workspace));
  }
}
