package io.activitytrail.clickhouse;

import io.activitytrail.clickhouse.PageCursor.Kind;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.schemas.filter.EventFilter;
import java.util.ArrayList;
import java.util.Collection;
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

  /**
   * Rows of a record's history a timeline reads whole, unordered, before it reads in key order
   * instead. Most histories are short, and reading one whole skips ClickHouse's merge of the parts
   * in key order, which costs more than the rows it saves (measured at 10M events, 7 parts: a
   * ticket timeline 13.2 -> 9.2 ms in chDB). A longer history fills the cap and is read in order.
   */
  static final int WHOLE_HISTORY_ROWS = 1_000;

  private final ClickHouse ch;
  private final int wholeHistoryRows;
  private final String byWorkspaceTable;
  private final String byActorTable;
  private final String activityTable;
  private final String byRecordTable;

  public ActivityQueries(ClickHouse ch, String database) {
    this(ch, database, WHOLE_HISTORY_ROWS);
  }

  /** With another cap on whole-history reads (tests: both ways of reading a timeline). */
  ActivityQueries(ClickHouse ch, String database, int wholeHistoryRows) {
    this.ch = ch;
    this.wholeHistoryRows = wholeHistoryRows;
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
   * A page of fired alerts, newest first: the {@code alert_fired} audit events the filter selects.
   * An alert is filed under its rule (record id = rule id) and carries its severity as a detail.
   */
  public Page alerts(AlertFilter filter, int limit, String cursor) {
    Keyset after = PageCursor.decode(Kind.AUDIT, cursor);
    KeysetSelect select =
        new KeysetSelect(byWorkspaceTable)
            .where("workspace_id = {workspace:String}", "workspace", filter.workspaceId())
            .where("category = 'audit'")
            .whereIn("type", "types", Set.of(AlertFilter.ALERT_FIRED))
            .whereIn("JSONExtractString(payload, 'record_id')", "rules", filter.rules())
            .whereIn(
                "JSONExtractString(payload, 'details', 'severity')",
                "severities",
                filter.severities())
            .during(filter.from(), filter.to());
    return page(select, true, after, QueryChecks.pageLimit(limit), Kind.AUDIT);
  }

  /**
   * The workspace's events of these ids, in commit order (an alert's matching events): at most
   * {@link Page#MAX_LIMIT}; an id of another workspace finds nothing.
   */
  public List<ActivityEvent> events(String workspaceId, Collection<String> eventIds) {
    QueryChecks.requireWorkspace(workspaceId);
    if (eventIds.isEmpty()) {
      return List.of();
    }
    if (eventIds.size() > Page.MAX_LIMIT) {
      throw new IllegalArgumentException(
          "at most " + Page.MAX_LIMIT + " event ids, got " + eventIds.size());
    }
    KeysetSelect select =
        new KeysetSelect(byWorkspaceTable)
            .where("workspace_id = {workspace:String}", "workspace", workspaceId)
            .whereIn("event_id", "ids", Set.copyOf(eventIds));
    // room for copies of an event not yet merged away
    List<ActivityEvent> found = read(select.unordered(false, null, eventIds.size() * 8));
    List<ActivityEvent> events = new ArrayList<>(found.size());
    appendDistinct(events, found, false, eventIds.size());
    return events;
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
    int rows = QueryChecks.pageLimit(limit);
    List<ActivityEvent> rest = read(select.unordered(newestFirst, after, wholeHistoryRows));
    if (rest.size() >= wholeHistoryRows) {
      return page(select, newestFirst, after, rows, kind);
    }
    List<ActivityEvent> history = new ArrayList<>(rest.size());
    appendDistinct(history, rest, newestFirst, rest.size());
    return cut(history, rows, kind);
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
    return select(filter.workspaceId(), "category = 'activity'", filter.events());
  }

  private KeysetSelect auditSelect(AuditFilter filter) {
    return select(filter.workspaceId(), "category = 'audit'", filter.events());
  }

  private KeysetSelect select(String workspaceId, String category, EventFilter filter) {
    return EventFilterSql.apply(workspacePages(workspaceId, category, filter.actors()), filter);
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
    return cut(distinct(select, newestFirst, after, limit + 1), limit, kind);
  }

  /** The first {@code limit} events, and a cursor after the last when more were found. */
  private static Page cut(List<ActivityEvent> found, int limit, Kind kind) {
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
    List<ActivityEvent> page = new ArrayList<>(wanted);
    Keyset position = after;
    while (page.size() < wanted) {
      int asked = wanted - page.size();
      List<ActivityEvent> found = read(select.page(newestFirst, position, asked));
      position = appendDistinct(page, found, newestFirst, wanted);
      if (found.size() < asked) {
        break;
      }
    }
    return page;
  }

  /**
   * Sorts {@code found} into page order and appends each event not already last in {@code page}, up
   * to {@code wanted} events; returns the position of the last row found.
   */
  private static Keyset appendDistinct(
      List<ActivityEvent> page, List<ActivityEvent> found, boolean newestFirst, int wanted) {
    List<ActivityEvent> sorted = new ArrayList<>(found);
    sorted.sort(
        Comparator.comparing(
            Keyset::of, newestFirst ? Keyset.COMMIT_ORDER.reversed() : Keyset.COMMIT_ORDER));
    for (ActivityEvent event : sorted) {
      boolean repeat =
          !page.isEmpty() && page.get(page.size() - 1).getEventId().equals(event.getEventId());
      if (!repeat && page.size() < wanted) {
        page.add(event);
      }
    }
    return sorted.isEmpty() ? null : Keyset.of(sorted.get(sorted.size() - 1));
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
