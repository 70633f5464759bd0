package io.activitytrail.clickhouse;

import io.activitytrail.event.ActivityEvent;
import java.util.List;
import java.util.Map;

/**
 * The reads the product needs, as parameterized SQL shared by both adapters. Every read uses {@code
 * FINAL}, so an event written twice (at-least-once delivery) is shown once even before background
 * merges collapse the copies.
 */
public final class ActivityQueries {

  /** Upper bound of one page, so a caller cannot ask ClickHouse for everything at once. */
  public static final int MAX_LIMIT = 10_000;

  private static final String SELECT = "SELECT " + String.join(", ", ActivityRows.COLUMNS);

  private final ClickHouse ch;
  private final String table;

  public ActivityQueries(ClickHouse ch, String database) {
    this.ch = ch;
    this.table = "`" + SqlIdentifiers.require(database, "database") + "`.activity";
  }

  /** The workspace's newest events, newest first. */
  public List<ActivityEvent> feed(String workspaceId, int limit) {
    return read(
        SELECT
            + " FROM "
            + table
            + " FINAL WHERE workspace_id = {workspace:String}"
            + " ORDER BY occurred_at DESC, source_lsn DESC, source_tx_order DESC, event_id DESC"
            + " LIMIT {limit:UInt32}",
        Map.of("workspace", workspaceId, "limit", checkedLimit(limit)));
  }

  /** One record's events, oldest first, in commit order (time, then source lsn and tx order). */
  public List<ActivityEvent> timeline(
      String workspaceId, String recordType, String recordId, int limit) {
    return read(
        SELECT
            + " FROM "
            + table
            + " FINAL WHERE workspace_id = {workspace:String}"
            + " AND record_type = {record_type:String} AND record_id = {record_id:String}"
            + " ORDER BY occurred_at, source_lsn, source_tx_order, event_id"
            + " LIMIT {limit:UInt32}",
        Map.of(
            "workspace",
            workspaceId,
            "record_type",
            recordType,
            "record_id",
            recordId,
            "limit",
            checkedLimit(limit)));
  }

  /** How many distinct events the workspace has. */
  public long count(String workspaceId) {
    List<Map<String, Object>> rows =
        ch.query(
            "SELECT count() AS n FROM " + table + " FINAL WHERE workspace_id = {workspace:String}",
            Map.of("workspace", workspaceId));
    return ((Number) rows.get(0).get("n")).longValue();
  }

  private List<ActivityEvent> read(String sql, Map<String, ?> params) {
    return ch.query(sql, params).stream().map(ActivityRows::fromRow).toList();
  }

  private static int checkedLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    return limit;
  }
}
