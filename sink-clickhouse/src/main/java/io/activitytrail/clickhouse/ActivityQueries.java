package io.activitytrail.clickhouse;

import io.activitytrail.clickhouse.PageCursor.Kind;
import io.activitytrail.event.ActivityEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The reads the product needs, as parameterized SQL shared by both adapters. Every read shows an
 * event written twice (at-least-once delivery) once, even before background merges collapse the
 * copies: pages sort the rows of a statement and drop adjacent copies of an event (see {@link
 * KeysetSelect}), the count uses {@code FINAL}.
 *
 * <p>Pages use keyset cursors: the position (occurred_at, lsn, tx order, event id) of the last
 * item, so a page never skips or repeats an event while new events arrive. The feed and the audit
 * log read {@code activity_by_workspace} (sorted by workspace and time); timelines read {@code
 * activity_by_record} (sorted by record, each event also filed under its parent record), pages of
 * one actor {@code activity_by_actor}. They hold each event's payload, filled from {@code activity}
 * by views (V004, V005).
 */
public final class ActivityQueries {

  /**
   * Rows per internal page of {@link #stream}: large enough to be cheap, small enough to be flat.
   */
  static final int STREAM_PAGE = 2_000;

  private final ClickHouse ch;
  private final String byWorkspaceTable;
  private final String byActorTable;
  private final String activityTable;
  private final String byRecordTable;

  public ActivityQueries(ClickHouse ch, String database) {
    this.ch = ch;
    String db = "`" + SqlIdentifiers.require(database, "database") + "`";
    this.byWorkspaceTable = db + ".activity_by_workspace";
    this.byActorTable = db + ".activity_by_actor";
    this.activityTable = db + ".activity";
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
    return workspacePages(filter.workspaceId(), "category = 'activity'", filter.actors())
        .whereIn("type", "types", filter.types())
        .whereIn("record_type", "record_types", filter.recordTypes())
        .during(filter.from(), filter.to());
  }

  private KeysetSelect auditSelect(AuditFilter filter) {
    KeysetSelect select =
        workspacePages(filter.workspaceId(), "category = 'audit'", filter.actors())
            .whereIn("type", "types", filter.types());
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

  /**
   * A workspace's pages of one category: one actor's events are read in their own order
   * (activity_by_actor, V005); no actor or several, in the workspace's order, filtered.
   */
  private KeysetSelect workspacePages(String workspaceId, String category, Set<String> actors) {
    if (actors.size() == 1) {
      return new KeysetSelect(byActorTable)
          .where("workspace_id = {workspace:String}", "workspace", workspaceId)
          .where(category)
          .where("actor_id = {actor:String}", "actor", actors.iterator().next());
    }
    return new KeysetSelect(byWorkspaceTable)
        .where("workspace_id = {workspace:String}", "workspace", workspaceId)
        .where(category)
        .whereIn("actor_id", "actors", actors);
  }

  private Page page(KeysetSelect select, boolean newestFirst, Keyset after, int limit, Kind kind) {
    // One event more than asked tells whether a next page exists without another query.
    List<ActivityEvent> found = distinct(select, newestFirst, after, limit + 1);
    if (found.size() <= limit) {
      return new Page(found, null);
    }
    List<ActivityEvent> page = List.copyOf(found.subList(0, limit));
    return new Page(page, PageCursor.encode(kind, Keyset.of(page.get(limit - 1))));
  }

  /**
   * Up to {@code wanted} distinct events after {@code after}, in page order. A statement returns
   * every copy of each position it selects (copies share the sort values), so after sorting the
   * copies are adjacent and only the first is kept. Fewer rows than asked means the filter is
   * exhausted; when copies shortened the page, the read continues strictly after the last position
   * seen, whose copies all came with it.
   */
  private List<ActivityEvent> distinct(
      KeysetSelect select, boolean newestFirst, Keyset after, int wanted) {
    Comparator<ActivityEvent> order =
        Comparator.comparing(
            Keyset::of, newestFirst ? Keyset.COMMIT_ORDER.reversed() : Keyset.COMMIT_ORDER);
    List<ActivityEvent> page = new ArrayList<>(wanted);
    Keyset position = after;
    while (page.size() < wanted) {
      int asked = wanted - page.size();
      List<ActivityEvent> found = new ArrayList<>(read(select.page(newestFirst, position, asked)));
      found.sort(order);
      for (ActivityEvent event : found) {
        if (page.isEmpty() || !page.get(page.size() - 1).getEventId().equals(event.getEventId())) {
          page.add(event);
        }
      }
      if (found.size() < asked) {
        break;
      }
      position = Keyset.of(found.get(found.size() - 1));
    }
    return page;
  }

  private void streamAll(KeysetSelect select, Consumer<ActivityEvent> sink) {
    Keyset after = null;
    while (true) {
      List<ActivityEvent> page = distinct(select, false, after, STREAM_PAGE);
      page.forEach(sink);
      if (page.size() < STREAM_PAGE) {
        return;
      }
      after = Keyset.of(page.get(page.size() - 1));
    }
  }

  private List<ActivityEvent> read(KeysetSelect.Statement statement) {
    return ch.queryStrings(statement.sql(), statement.params()).stream()
        .map(ActivityRows::fromPayload)
        .toList();
  }

  /** How many distinct events the workspace has. */
  public long count(String workspaceId) {
    List<Map<String, Object>> rows =
        ch.query(
            "SELECT count() AS n FROM "
                + activityTable
                + " FINAL WHERE workspace_id = {workspace:String}",
            Map.of("workspace", workspaceId));
    return ((Number) rows.get(0).get("n")).longValue();
  }
}
