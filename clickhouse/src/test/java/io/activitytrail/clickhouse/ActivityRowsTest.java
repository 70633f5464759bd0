package io.activitytrail.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ActivityRowsTest {

  private final ClickHouse ch = TestClickHouse.open();
  private String db;
  private ActivityQueries queries;

  @BeforeEach
  void setUp() {
    db = TestClickHouse.freshDatabase();
    ClickHouseMigrations.apply(ch, db);
    queries = new ActivityQueries(ch, db);
  }

  @Test
  @DisplayName(
      "event -> row -> ClickHouse -> fromRow gives the same event, with nulls, unicode, blank lines, quotes and long text")
  void roundTripOfTrickyValues() {
    ActivityEvent tricky = TestEvents.tricky("e-tricky", "ws-rt");
    ActivityEvent plain = TestEvents.ticketUpdated("e-plain", "ws-rt", "42", 1, 100);

    insert(tricky, plain);

    assertThat(
            queries.timeline("ws-rt", "workspace", tricky.getRecordId(), false, 10, null).items())
        .containsExactly(tricky);
    assertThat(queries.timeline("ws-rt", "ticket", "42", false, 10, null).items())
        .containsExactly(plain);
  }

  @Test
  @DisplayName("the JSONEachRow bytes carry exactly COLUMNS, one line per event")
  void rowsHaveTheDeclaredColumns() {
    byte[] bytes =
        ActivityRows.toJsonEachRow(
            List.of(TestEvents.tricky("a", "w"), TestEvents.tricky("b", "w")));

    List<Map<String, Object>> rows = JsonEachRow.parse(bytes);
    assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n")).hasSize(2);
    assertThat(rows)
        .allSatisfy(r -> assertThat(r.keySet()).containsExactlyElementsOf(ActivityRows.COLUMNS));
  }

  @Test
  @DisplayName(
      "a payload with 64-bit integers quoted (the server's default JSON) and a column it predates"
          + " reads as the event, the missing column null")
  void payloadToleratesQuotedIntegersAndMissingColumns() {
    ActivityEvent e = TestEvents.ticketUpdated("e-p", "ws-p", "7", 1, 100);
    e.setRetentionDays(null);
    Map<String, Object> row = JsonEachRow.parse(ActivityRows.toJsonEachRow(List.of(e))).get(0);
    row.put("source_lsn", "100");
    row.put("source_offset", String.valueOf(row.get("source_offset")));
    row.remove("retention_days");

    byte[] payload = JsonEachRow.write(List.of(row));

    assertThat(ActivityRows.fromPayload(payload)).isEqualTo(e);
  }

  @Test
  @DisplayName(
      "a duplicate event (same id, written twice) is read once, by feed, timeline and count")
  void duplicatesAreShownOnce() {
    ActivityEvent e = TestEvents.ticketUpdated("e-dup", "ws-dup", "7", 1, 100);
    insert(e);
    insert(e);

    assertThat(queries.feed(FeedFilter.all("ws-dup"), 10, null).items()).containsExactly(e);
    assertThat(queries.timeline("ws-dup", "ticket", "7", false, 10, null).items())
        .containsExactly(e);
    assertThat(queries.count("ws-dup")).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "feed is newest first; timeline is oldest first in commit order, lsn breaking ties of the same instant")
  void ordering() {
    ActivityEvent first = TestEvents.ticketUpdated("e-1", "ws-ord", "9", 1, 300);
    ActivityEvent sameInstantLaterLsn = TestEvents.ticketUpdated("e-0", "ws-ord", "9", 1, 301);
    ActivityEvent last = TestEvents.ticketUpdated("e-2", "ws-ord", "9", 5, 200);
    ActivityEvent otherWorkspace = TestEvents.ticketUpdated("e-x", "ws-other", "9", 3, 250);
    insert(last, otherWorkspace, sameInstantLaterLsn, first);

    assertThat(queries.timeline("ws-ord", "ticket", "9", false, 10, null).items())
        .containsExactly(first, sameInstantLaterLsn, last);
    assertThat(queries.feed(FeedFilter.all("ws-ord"), 2, null).items())
        .containsExactly(last, sameInstantLaterLsn);
    assertThat(queries.count("ws-ord")).isEqualTo(3);
  }

  @Test
  @DisplayName(
      "retention_days comes from the event (365 when absent) and expires rows in every table per row")
  void perRowRetention() {
    java.time.Instant fortyDaysAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(40));
    ActivityEvent recent30 = TestEvents.ticketUpdated("e-new30", "ws-ret", "5", 0, 10);
    recent30.setRetentionDays(30);
    ActivityEvent recentDefault = TestEvents.ticketUpdated("e-newdef", "ws-ret", "5", 1, 11);
    recentDefault.setRetentionDays(null);
    ActivityEvent old30 = TestEvents.ticketUpdated("e-old30", "ws-ret", "5", 0, 12);
    old30.setOccurredAt(fortyDaysAgo);
    old30.setRetentionDays(30);
    ActivityEvent oldDefault = TestEvents.ticketUpdated("e-olddef", "ws-ret", "5", 0, 13);
    oldDefault.setOccurredAt(fortyDaysAgo);
    oldDefault.setRetentionDays(null);
    insert(recent30, recentDefault, old30, oldDefault);
    // TTL drops expired rows when a part is written or merged; OPTIMIZE forces the merge now.
    ch.execute("OPTIMIZE TABLE " + db + ".activity FINAL");
    ch.execute("OPTIMIZE TABLE " + db + ".activity_by_workspace FINAL");
    ch.execute("OPTIMIZE TABLE " + db + ".activity_by_record FINAL");
    assertThat(
            ch.query(
                "SELECT count() AS n FROM " + db + ".activity WHERE workspace_id = 'ws-ret'",
                Map.of()))
        .containsExactly(Map.of("n", 3));

    assertThat(queries.feed(FeedFilter.all("ws-ret"), 10, null).items())
        .extracting(ActivityEvent::getEventId, ActivityEvent::getRetentionDays)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("e-newdef", 365),
            org.assertj.core.groups.Tuple.tuple("e-new30", 30),
            org.assertj.core.groups.Tuple.tuple("e-olddef", 365));
    assertThat(queries.timeline("ws-ret", "ticket", "5", false, 10, null).items())
        .extracting(ActivityEvent::getEventId)
        .containsExactly("e-olddef", "e-new30", "e-newdef");
  }

  private void insert(ActivityEvent... events) {
    ch.insert(db + ".activity", ActivityRows.COLUMNS, ActivityRows.toJsonEachRow(List.of(events)));
  }
}
