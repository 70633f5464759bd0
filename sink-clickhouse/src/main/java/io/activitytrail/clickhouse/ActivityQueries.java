package io.activitytrail.clickhouse;

import io.activitytrail.clickhouse.PageCursor.Kind;
import io.activitytrail.event.ActivityEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The reads the product needs, as parameterized SQL shared by both adapters. Every read shows an
 * event written twice (at-least-once delivery) once, even before background merges collapse the
 * copies: pages drop adjacent copies of an event (see {@link KeysetSelect}), the count uses {@code
 * FINAL}.
 *
 * <p>Pages use keyset cursors: the position (occurred_at, lsn, tx order, event id) of the last
 * item, so a page never skips or repeats an event while new events arrive. The feed and the audit
 * log read {@code activity} (sorted by workspace and time); timelines read {@code
 * activity_by_record} (sorted by record, each event also filed under its parent record).
 */
public final class ActivityQueries {

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
            .key("workspace_id = {workspace:String}", "workspace", workspaceId)
            .key("timeline_record_type = {record_type:String}", "record_type", recordType)
            .key("timeline_record_id = {record_id:String}", "record_id", recordId);
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
        .key("workspace_id = {workspace:String}", "workspace", filter.workspaceId())
        .key("category = 'activity'")
        .whereIn("actor_id", "actors", filter.actors())
        .whereIn("type", "types", filter.types())
        .whereIn("record_type", "record_types", filter.recordTypes())
        .during(filter.from(), filter.to());
  }

  private KeysetSelect auditSelect(AuditFilter filter) {
    KeysetSelect select =
        new KeysetSelect(table)
            .key("workspace_id = {workspace:String}", "workspace", filter.workspaceId())
            .key("category = 'audit'")
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
    // One position more than asked tells whether a next page exists without another query.
    List<Keyset> found = distinct(select, newestFirst, after, limit + 1);
    if (found.size() <= limit) {
      return new Page(rowsAt(select, found), null);
    }
    List<Keyset> page = found.subList(0, limit);
    return new Page(rowsAt(select, page), PageCursor.encode(kind, page.get(limit - 1)));
  }

  /**
   * The positions of up to {@code wanted} distinct events after {@code after}. Copies of an event
   * share its sort values, so they arrive adjacent and only the first is kept; when copies
   * shortened the read, it continues after the last position seen (strictly after, so a copy is
   * never read twice).
   */
  private List<Keyset> distinct(
      KeysetSelect select, boolean newestFirst, Keyset after, int wanted) {
    List<Keyset> page = new ArrayList<>(wanted);
    Keyset position = after;
    while (page.size() < wanted) {
      int asked = wanted - page.size();
      List<Keyset> found = positions(select.positions(newestFirst, position, asked));
      for (Keyset at : found) {
        if (page.isEmpty() || !page.get(page.size() - 1).eventId().equals(at.eventId())) {
          page.add(at);
        }
      }
      if (found.size() < asked) {
        break;
      }
      position = found.get(found.size() - 1);
    }
    return page;
  }

  /** The full events at {@code page}'s positions, in the page's order. */
  private List<ActivityEvent> rowsAt(KeysetSelect select, List<Keyset> page) {
    if (page.isEmpty()) {
      return List.of();
    }
    Map<String, ActivityEvent> byId = new HashMap<>();
    Instant earliest = page.get(0).occurredAt();
    Instant latest = earliest;
    for (Keyset at : page) {
      byId.put(at.eventId(), null);
      earliest = at.occurredAt().isBefore(earliest) ? at.occurredAt() : earliest;
      latest = at.occurredAt().isAfter(latest) ? at.occurredAt() : latest;
    }
    for (ActivityEvent event : read(select.rows(byId.keySet(), earliest, latest))) {
      // Copies of an event are equal; the first one found stands for all.
      byId.putIfAbsent(event.getEventId(), event);
    }
    List<ActivityEvent> out = new ArrayList<>(page.size());
    for (Keyset at : page) {
      ActivityEvent event = byId.get(at.eventId());
      // Only a TTL deletion between the two steps removes a row; the cursor stays exact.
      if (event != null) {
        out.add(event);
      }
    }
    return out;
  }

  private List<Keyset> positions(KeysetSelect.Statement statement) {
    return ch.query(statement.sql(), statement.params()).stream().map(Keyset::ofRow).toList();
  }

  private void streamAll(KeysetSelect select, Consumer<ActivityEvent> sink) {
    Keyset after = null;
    while (true) {
      List<Keyset> page = distinct(select, false, after, STREAM_PAGE);
      rowsAt(select, page).forEach(sink);
      if (page.size() < STREAM_PAGE) {
        return;
      }
      after = page.get(page.size() - 1);
    }
  }

  private List<ActivityEvent> read(KeysetSelect.Statement statement) {
    return read(statement.sql(), statement.params());
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
}
