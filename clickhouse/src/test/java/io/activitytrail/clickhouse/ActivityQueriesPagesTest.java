package io.activitytrail.clickhouse;

import static io.activitytrail.clickhouse.QueryFixtures.event;
import static io.activitytrail.clickhouse.QueryFixtures.ids;
import static io.activitytrail.clickhouse.QueryFixtures.insert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activitytrail.event.ActivityEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keyset pages, cursors, dedup and streaming of {@link ActivityQueries}, on embedded chDB. */
class ActivityQueriesPagesTest {

  private final ClickHouse ch = TestClickHouse.open();
  private String db;
  private ActivityQueries queries;

  @BeforeEach
  void freshDatabase() {
    db = TestClickHouse.freshDatabase();
    ClickHouseMigrations.apply(ch, db);
    queries = new ActivityQueries(ch, db);
  }

  /**
   * 60 feed events in ws-a with ties on purpose: several share a millisecond and differ only by
   * lsn, tx order (some missing) or event id.
   */
  private List<ActivityEvent> tiedEvents() {
    List<ActivityEvent> events = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      events.add(
          event(String.format("e%02d", i))
              .minute(i / 6)
              .lsn(i % 5 == 0 ? null : 100L + (i % 3))
              .txOrder(i % 4 == 0 ? null : (long) (i % 2))
              .build());
    }
    return events;
  }

  private List<String> walkFeed(FeedFilter filter, int limit, Runnable betweenPages) {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      Page page = queries.feed(filter, limit, cursor);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
      seen.addAll(ids(page.items()));
      cursor = page.nextCursor();
      betweenPages.run();
    } while (cursor != null);
    return seen;
  }

  @Test
  @DisplayName("walking every feed page returns each event once, newest first, in commit order")
  void feedPagesWalkAll() {
    List<ActivityEvent> events = tiedEvents();
    insert(ch, db, events);

    List<String> expected =
        ids(events.stream().sorted(QueryFixtures.COMMIT_ORDER.reversed()).toList());
    assertThat(walkFeed(FeedFilter.all("ws-a"), 7, () -> {})).containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName(
      "one actor's pages (their own table) and several actors' pages (the workspace's, filtered)"
          + " walk the same events as filtering the whole feed")
  void actorPagesWalkAll() {
    List<ActivityEvent> events = new ArrayList<>(tiedEvents());
    for (int i = 0; i < events.size(); i++) {
      events.get(i).getActor().setId(i % 3 == 0 ? "u-1" : i % 3 == 1 ? "u-2" : null);
    }
    insert(ch, db, events);

    for (Set<String> actors : List.of(Set.of("u-1"), Set.of("u-2"), Set.of("u-1", "u-2"))) {
      List<String> expected =
          ids(
              events.stream()
                  .filter(e -> e.getActor().getId() != null)
                  .filter(e -> actors.contains(e.getActor().getId()))
                  .sorted(QueryFixtures.COMMIT_ORDER.reversed())
                  .toList());
      FeedFilter filter = new FeedFilter("ws-a", actors, Set.of(), Set.of(), null, null);
      assertThat(walkFeed(filter, 7, () -> {})).as("actors %s", actors).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("the last page has no cursor, also when the events fill it exactly")
  void lastPageHasNoCursor() {
    insert(ch, db, tiedEvents());

    Page whole = queries.feed(FeedFilter.all("ws-a"), 60, null);
    assertThat(whole.items()).hasSize(60);
    assertThat(whole.nextCursor()).isNull();
    assertThat(queries.feed(FeedFilter.all("ws-a"), 59, null).nextCursor()).isNotNull();
  }

  @Test
  @DisplayName("events inserted between page requests neither make a page skip nor repeat one")
  void pagesStableUnderInserts() {
    List<ActivityEvent> events = tiedEvents();
    insert(ch, db, events);
    int[] batch = {0};
    Runnable newArrivals =
        () -> {
          int n = batch[0]++;
          insert(
              ch,
              db,
              List.of(
                  // newer than everything read so far, as live traffic is
                  event("new-" + n).at(QueryFixtures.BASE.plus(Duration.ofHours(2))).build(),
                  // a late arrival inside the range already walked
                  event("late-" + n).minute(0).lsn(1L).build()));
        };

    List<String> seen = walkFeed(FeedFilter.all("ws-a"), 9, newArrivals);

    assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
    assertThat(seen).containsAll(ids(events));
    assertThat(seen).noneMatch(id -> id.startsWith("new-"));
  }

  @Test
  @DisplayName("an event written twice (at-least-once delivery) is shown once in feed and timeline")
  void duplicatesShownOnce() {
    ActivityEvent once = event("dup").build();
    insert(ch, db, List.of(once));
    insert(ch, db, List.of(once, event("other").minute(1).build()));

    assertThat(ids(queries.feed(FeedFilter.all("ws-a"), 10, null).items()))
        .containsExactly("other", "dup");
    assertThat(ids(queries.timeline("ws-a", "ticket", "t-1", false, 10, null).items()))
        .containsExactly("dup", "other");
  }

  @Test
  @DisplayName("pages stay full and in order when every event was written three times")
  void manyCopiesStillFillPages() {
    List<ActivityEvent> events = tiedEvents();
    for (int copy = 0; copy < 3; copy++) {
      insert(ch, db, events);
    }

    List<String> expected =
        ids(events.stream().sorted(QueryFixtures.COMMIT_ORDER.reversed()).toList());
    assertThat(walkFeed(FeedFilter.all("ws-a"), 7, () -> {})).containsExactlyElementsOf(expected);
    assertThat(queries.feed(FeedFilter.all("ws-a"), 25, null).items()).hasSize(25);
    List<String> streamed = new ArrayList<>();
    queries.stream(FeedFilter.all("ws-a"), e -> streamed.add(e.getEventId()));
    assertThat(streamed).hasSize(60).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("a record's timeline holds its own events and its children's, in commit order")
  void timelineIncludesChildren() {
    insert(
        ch,
        db,
        List.of(
            event("created").record("ticket", "t-9").minute(0).build(),
            event("msg-in")
                .type("message_received")
                .record("message", "m-1")
                .parent("ticket", "t-9")
                .minute(1)
                .build(),
            event("status")
                .type("status_changed")
                .record("ticket", "t-9")
                .minute(2)
                .lsn(5L)
                .build(),
            event("file")
                .type("file_attached")
                .record("file", "f-1")
                .parent("ticket", "t-9")
                .minute(2)
                .lsn(6L)
                .build(),
            event("other-ticket").record("ticket", "t-10").minute(3).build(),
            event("other-parent")
                .record("message", "m-2")
                .parent("ticket", "t-10")
                .minute(3)
                .build()));

    assertThat(ids(queries.timeline("ws-a", "ticket", "t-9", false, 50, null).items()))
        .containsExactly("created", "msg-in", "status", "file");
    assertThat(ids(queries.timeline("ws-a", "ticket", "t-9", true, 50, null).items()))
        .containsExactly("file", "status", "msg-in", "created");
    assertThat(ids(queries.timeline("ws-a", "file", "f-1", false, 50, null).items()))
        .containsExactly("file");
  }

  @Test
  @DisplayName(
      "timeline pages walk the whole history in both directions without skips or repeats, read"
          + " whole or (past the cap, or with copies) in key order")
  void timelinePages() {
    List<ActivityEvent> events = tiedEvents();
    insert(ch, db, events);
    insert(ch, db, events.subList(20, 30));
    for (int cap : new int[] {ActivityQueries.WHOLE_HISTORY_ROWS, 70, 5}) {
      walkTimelines(new ActivityQueries(ch, db, cap), events);
    }
  }

  private void walkTimelines(ActivityQueries reads, List<ActivityEvent> events) {
    for (boolean newestFirst : new boolean[] {false, true}) {
      List<String> seen = new ArrayList<>();
      String cursor = null;
      do {
        Page page = reads.timeline("ws-a", "ticket", "t-1", newestFirst, 11, cursor);
        seen.addAll(ids(page.items()));
        cursor = page.nextCursor();
      } while (cursor != null);
      List<ActivityEvent> sorted =
          events.stream()
              .sorted(
                  newestFirst ? QueryFixtures.COMMIT_ORDER.reversed() : QueryFixtures.COMMIT_ORDER)
              .toList();
      assertThat(seen).containsExactlyElementsOf(ids(sorted));
    }
  }

  @Test
  @DisplayName("events stored before the record path existed are backfilled into timelines")
  void migrationBackfillsTimelines() {
    String old = TestClickHouse.freshDatabase();
    ch.execute("CREATE DATABASE " + old);
    ClickHouseMigrations.onClasspath().get(0).statements(old).forEach(ch::execute);
    insert(
        ch,
        old,
        List.of(
            event("before").record("ticket", "t-3").build(),
            event("child").record("message", "m-3").parent("ticket", "t-3").minute(1).build()));

    ClickHouseMigrations.apply(ch, old);
    insert(ch, old, List.of(event("after").record("ticket", "t-3").minute(2).build()));

    assertThat(
            ids(
                new ActivityQueries(ch, old)
                    .timeline("ws-a", "ticket", "t-3", false, 10, null)
                    .items()))
        .containsExactly("before", "child", "after");
  }

  @Test
  @DisplayName("a cursor that does not decode is an InvalidCursorException")
  void malformedCursor() {
    for (String bad : List.of("not base64!", "", "djI", "djEKRkVFRAp4CjEKMQplMQ")) {
      assertThatThrownBy(() -> queries.feed(FeedFilter.all("ws-a"), 10, bad))
          .as(bad)
          .isInstanceOf(InvalidCursorException.class)
          .hasMessageContaining("cursor");
    }
  }

  @Test
  @DisplayName("a cursor made for another kind of query is an InvalidCursorException")
  void foreignCursor() {
    insert(ch, db, tiedEvents());
    String feedCursor = queries.feed(FeedFilter.all("ws-a"), 5, null).nextCursor();
    String ascCursor = queries.timeline("ws-a", "ticket", "t-1", false, 5, null).nextCursor();

    assertThatThrownBy(() -> queries.audit(AuditFilter.all("ws-a"), 5, feedCursor))
        .isInstanceOf(InvalidCursorException.class)
        .hasMessageContaining("feed");
    assertThatThrownBy(() -> queries.timeline("ws-a", "ticket", "t-1", false, 5, feedCursor))
        .isInstanceOf(InvalidCursorException.class);
    assertThatThrownBy(() -> queries.timeline("ws-a", "ticket", "t-1", true, 5, ascCursor))
        .isInstanceOf(InvalidCursorException.class);
    assertThatThrownBy(() -> queries.feed(FeedFilter.all("ws-a"), 5, ascCursor))
        .isInstanceOf(InvalidCursorException.class);
  }

  @Test
  @DisplayName("a page limit outside 1..500 is refused")
  void limitBounds() {
    for (int bad : new int[] {0, -1, 501}) {
      assertThatThrownBy(() -> queries.feed(FeedFilter.all("ws-a"), bad, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("limit");
      assertThatThrownBy(() -> queries.audit(AuditFilter.all("ws-a"), bad, null))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> queries.timeline("ws-a", "ticket", "t-1", true, bad, null))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(queries.feed(FeedFilter.all("ws-a"), 500, null).items()).isEmpty();
  }

  @Test
  @DisplayName("stream hands over every matching event once, oldest first, across many pages")
  void streamsAll() {
    int n = ActivityQueries.STREAM_PAGE * 2 + 345;
    List<ActivityEvent> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      events.add(event("s" + i).at(QueryFixtures.BASE.plusMillis(i / 3)).lsn((long) i).build());
      if (i % 10 == 0) {
        events.add(
            event("a" + i).audit("login_failed").at(QueryFixtures.BASE.plusMillis(i)).build());
      }
    }
    insert(ch, db, events);

    List<String> streamed = new ArrayList<>();
    queries.stream(FeedFilter.all("ws-a"), e -> streamed.add(e.getEventId()));
    List<String> audited = new ArrayList<>();
    queries.stream(AuditFilter.all("ws-a"), e -> audited.add(e.getEventId()));

    List<ActivityEvent> feed = events.stream().filter(e -> e.getEventId().startsWith("s")).toList();
    assertThat(streamed)
        .containsExactlyElementsOf(ids(feed.stream().sorted(QueryFixtures.COMMIT_ORDER).toList()));
    assertThat(Set.copyOf(audited)).hasSize(events.size() - feed.size());
  }
}
