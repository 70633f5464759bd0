package io.activitytrail.clickhouse;

import io.activitytrail.clickhouse.PageCursor.Kind;
import io.activitytrail.event.ActivityEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The reads the product needs, as parameterized SQL shared by both adapters. Every read shows an
 * event written twice (at-least-once delivery) once, even before background merges collapse the
 * copies: pages drop adjacent copies of an event (see {@link KeysetSelect}), the older reads use
 * {@code FINAL}.
 *
 * <p>Pages use keyset cursors: the position (occurred_at, lsn, tx order, event id) of the last
 * item, so a page never skips or repeats an event while new events arrive. The feed and the audit
 * log read {@code activity} (sorted by workspace and time); timelines read {@code
 * activity_by_record} (sorted by record, each event also filed under its parent record).
 */
public final class ActivityQueries {

  /** Upper bound of one page, so a caller cannot ask ClickHouse for everything at once. */
  public static final int MAX_LIMIT = 10_000;

  private static final String SELECT = "SELECT " + String.join(", ", ActivityRows.COLUMNS);

  /**
   * Rows per internal page of {@link #stream}: large enough to be cheap, small enough to be flat.
   */
  static final int STREAM_PAGE = 2_000;

  private final ClickHouse ch;
  private final String table;
  private final String byRecordTable;

  public ActivityQueries(ClickHouse ch, String database) {
    this.ch = ch;
    String db = "`" + SqlIdentifiers.require(database, "database") + "`";
    this.table = db + ".activity";
    this.byRecordTable = db + ".activity_by_record";
  }

  /** A page of the workspace feed (category {@code activity}), newest first. */
  public Page feed(FeedFilter filter, int limit, String cursor) {
    Keyset after = PageCursor.decode(Kind.FEED, cursor);
    return page(feedSelect(filter), true, after, QueryChecks.pageLimit(limit), Kind.FEED);
  }

  /** A page of the audit log (category {@code audit}), newest first. */
  public Page audit(AuditFilter filter, int limit, String cursor) {
    Keyset after = PageCursor.decode(Kind.AUDIT, cursor);
    return page(auditSelect(filter), true, after, QueryChecks.pageLimit(limit), Kind.AUDIT);
  }

  /**
   * A page of one record's history: its own events and those of records that belong to it (a
   * ticket's messages and files), in commit order.
   */
  public Page timeline(
      String workspaceId,
      String recordType,
      String recordId,
      boolean newestFirst,
      int limit,
      String cursor) {
    QueryChecks.requireWorkspace(workspaceId);
    if (recordType == null || recordId == null) {
      throw new IllegalArgumentException("recordType and recordId are required");
    }
    Kind kind = newestFirst ? Kind.TIMELINE_DESC : Kind.TIMELINE_ASC;
    Keyset after = PageCursor.decode(kind, cursor);
    KeysetSelect select =
        new KeysetSelect(byRecordTable)
            .where("workspace_id = {workspace:String}", "workspace", workspaceId)
            .where("timeline_record_type = {record_type:String}", "record_type", recordType)
            .where("timeline_record_id = {record_id:String}", "record_id", recordId);
    return page(select, newestFirst, after, QueryChecks.pageLimit(limit), kind);
  }

  /** Every feed event the filter matches, oldest first, fetched page by page. */
  public void stream(FeedFilter filter, Consumer<ActivityEvent> sink) {
    streamAll(feedSelect(filter), sink);
  }

  /** Every audit event the filter matches, oldest first, fetched page by page. */
  public void stream(AuditFilter filter, Consumer<ActivityEvent> sink) {
    streamAll(auditSelect(filter), sink);
  }

  private KeysetSelect feedSelect(FeedFilter filter) {
    return new KeysetSelect(table)
        .where("workspace_id = {workspace:String}", "workspace", filter.workspaceId())
        .where("category = 'activity'")
        .whereIn("actor_id", "actors", filter.actors())
        .whereIn("type", "types", filter.types())
        .whereIn("record_type", "record_types", filter.recordTypes())
        .during(filter.from(), filter.to());
  }

  private KeysetSelect auditSelect(AuditFilter filter) {
    KeysetSelect select =
        new KeysetSelect(table)
            .where("workspace_id = {workspace:String}", "workspace", filter.workspaceId())
            .where("category = 'audit'")
            .whereIn("type", "types", filter.types())
            .whereIn("actor_id", "actors", filter.actors());
    if (AuditFilter.FAILURE.equals(filter.outcome())) {
      select.where("endsWith(type, '_failed')");
    } else if (AuditFilter.SUCCESS.equals(filter.outcome())) {
      select.where("NOT endsWith(type, '_failed')");
    }
    if (filter.ip() != null) {
      select.where("actor_ip = {ip:String}", "ip", filter.ip());
    }
    return select.during(filter.from(), filter.to());
  }

  private Page page(KeysetSelect select, boolean newestFirst, Keyset after, int limit, Kind kind) {
    // One row more than asked tells whether a next page exists without a second query.
    List<ActivityEvent> rows = distinct(select, newestFirst, after, limit + 1);
    if (rows.size() <= limit) {
      return new Page(rows, null);
    }
    List<ActivityEvent> items = rows.subList(0, limit);
    return new Page(items, PageCursor.encode(kind, Keyset.of(items.get(limit - 1))));
  }

  /**
   * Up to {@code wanted} distinct events after {@code after}. Copies of an event share its sort
   * values, so they arrive adjacent and only the first is kept; when copies shortened the read, it
   * continues after the last row seen (strictly after, so a copy is never read twice).
   */
  private List<ActivityEvent> distinct(
      KeysetSelect select, boolean newestFirst, Keyset after, int wanted) {
    List<ActivityEvent> out = new ArrayList<>(wanted);
    Keyset position = after;
    while (out.size() < wanted) {
      int asked = wanted - out.size();
      List<ActivityEvent> rows = read(select.page(newestFirst, position, asked));
      for (ActivityEvent row : rows) {
        if (out.isEmpty() || !out.get(out.size() - 1).getEventId().equals(row.getEventId())) {
          out.add(row);
        }
      }
      if (rows.size() < asked) {
        break;
      }
      position = Keyset.of(rows.get(rows.size() - 1));
    }
    return out;
  }

  private void streamAll(KeysetSelect select, Consumer<ActivityEvent> sink) {
    Keyset after = null;
    while (true) {
      List<ActivityEvent> rows = distinct(select, false, after, STREAM_PAGE);
      rows.forEach(sink);
      if (rows.size() < STREAM_PAGE) {
        return;
      }
      after = Keyset.of(rows.get(rows.size() - 1));
    }
  }

  private List<ActivityEvent> read(KeysetSelect.Statement statement) {
    return read(statement.sql(), statement.params());
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
