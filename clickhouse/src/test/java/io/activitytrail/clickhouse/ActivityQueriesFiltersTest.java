package io.activitytrail.clickhouse;

import static io.activitytrail.clickhouse.QueryFixtures.event;
import static io.activitytrail.clickhouse.QueryFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Feed and audit filters, alone and combined, and workspace isolation. One data set for all tests:
 * ws-a and ws-b hold the same events (ids prefixed a- and b-), so a leak would show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityQueriesFiltersTest {

  private final ClickHouse ch = TestClickHouse.open();
  private ActivityQueries queries;

  private static final Instant MINUTE_2 = QueryFixtures.BASE.plus(Duration.ofMinutes(2));
  private static final Instant MINUTE_5 = QueryFixtures.BASE.plus(Duration.ofMinutes(5));

  @BeforeAll
  void data() {
    String db = TestClickHouse.freshDatabase();
    ClickHouseMigrations.apply(ch, db);
    queries = new ActivityQueries(ch, db);
    List<ActivityEvent> events = new ArrayList<>();
    for (String ws : List.of("a", "b")) {
      events.addAll(
          List.of(
              event(ws + "-created").ws("ws-" + ws).type("created").actor("u-1").minute(0).build(),
              event(ws + "-assigned")
                  .ws("ws-" + ws)
                  .type("assigned")
                  .actor("u-2")
                  .minute(1)
                  .build(),
              event(ws + "-asset")
                  .ws("ws-" + ws)
                  .type("updated")
                  .record("asset", "as-1")
                  .actor("u-1")
                  .minute(2)
                  .build(),
              event(ws + "-status")
                  .ws("ws-" + ws)
                  .type("status_changed")
                  .actor("u-2")
                  .minute(3)
                  .build(),
              event(ws + "-customer")
                  .ws("ws-" + ws)
                  .type("created")
                  .record("customer", "c-1")
                  .actor("u-3")
                  .minute(4)
                  .build(),
              event(ws + "-comment")
                  .ws("ws-" + ws)
                  .type("comment_added")
                  .actor("u-1")
                  .minute(5)
                  .build(),
              event(ws + "-login-bad")
                  .ws("ws-" + ws)
                  .audit("login_failed")
                  .actor("u-1")
                  .ip("203.0.113.9")
                  .minute(1)
                  .build(),
              event(ws + "-login-ok")
                  .ws("ws-" + ws)
                  .audit("login_succeeded")
                  .actor("u-1")
                  .ip("10.0.0.1")
                  .minute(2)
                  .build(),
              event(ws + "-role")
                  .ws("ws-" + ws)
                  .audit("role_changed")
                  .actor("u-2")
                  .minute(3)
                  .build(),
              event(ws + "-export")
                  .ws("ws-" + ws)
                  .audit("data_exported")
                  .actor("u-2")
                  .ip("203.0.113.9")
                  .minute(6)
                  .build(),
              event(ws + "-mfa-bad")
                  .ws("ws-" + ws)
                  .audit("mfa_failed")
                  .actor("u-3")
                  .ip("203.0.113.9")
                  .minute(7)
                  .build()));
    }
    QueryFixtures.insert(ch, db, events);
  }

  private List<String> feed(
      Set<String> actors, Set<String> types, Set<String> recordTypes, Instant from, Instant to) {
    return ids(
        queries
            .feed(new FeedFilter("ws-a", actors, types, recordTypes, from, to), 500, null)
            .items());
  }

  private List<String> audit(
      Set<String> types, Set<String> actors, String outcome, String ip, Instant from, Instant to) {
    return ids(
        queries
            .audit(new AuditFilter("ws-a", types, actors, outcome, ip, from, to), 500, null)
            .items());
  }

  @Test
  @DisplayName("the feed without filters is the workspace's activity events only, newest first")
  void feedUnfiltered() {
    assertThat(feed(Set.of(), Set.of(), Set.of(), null, null))
        .containsExactly(
            "a-comment", "a-customer", "a-status", "a-asset", "a-assigned", "a-created");
  }

  @Test
  @DisplayName("feed filters each narrow alone: actor, type, record type, from, to")
  void feedFiltersAlone() {
    assertThat(feed(Set.of("u-1"), Set.of(), Set.of(), null, null))
        .containsExactly("a-comment", "a-asset", "a-created");
    assertThat(feed(Set.of("u-2", "u-3"), Set.of(), Set.of(), null, null))
        .containsExactly("a-customer", "a-status", "a-assigned");
    assertThat(feed(Set.of(), Set.of("created"), Set.of(), null, null))
        .containsExactly("a-customer", "a-created");
    assertThat(feed(Set.of(), Set.of(), Set.of("asset", "customer"), null, null))
        .containsExactly("a-customer", "a-asset");
    assertThat(feed(Set.of(), Set.of(), Set.of(), MINUTE_2, null))
        .containsExactly("a-comment", "a-customer", "a-status", "a-asset");
    assertThat(feed(Set.of(), Set.of(), Set.of(), null, MINUTE_2))
        .containsExactly("a-assigned", "a-created");
  }

  @Test
  @DisplayName("feed filters combine with AND")
  void feedFiltersCombined() {
    assertThat(feed(Set.of("u-1"), Set.of("created", "comment_added"), Set.of(), null, null))
        .containsExactly("a-comment", "a-created");
    assertThat(feed(Set.of("u-1"), Set.of(), Set.of("ticket"), MINUTE_2, MINUTE_5)).isEmpty();
    assertThat(feed(Set.of("u-1", "u-3"), Set.of("created"), Set.of("customer"), MINUTE_2, null))
        .containsExactly("a-customer");
  }

  @Test
  @DisplayName("the audit log without filters is the workspace's audit events only, newest first")
  void auditUnfiltered() {
    assertThat(audit(Set.of(), Set.of(), null, null, null, null))
        .containsExactly("a-mfa-bad", "a-export", "a-role", "a-login-ok", "a-login-bad");
  }

  @Test
  @DisplayName("audit filters each narrow alone: type, actor, outcome, ip, from, to")
  void auditFiltersAlone() {
    assertThat(audit(Set.of("login_failed", "login_succeeded"), Set.of(), null, null, null, null))
        .containsExactly("a-login-ok", "a-login-bad");
    assertThat(audit(Set.of(), Set.of("u-2"), null, null, null, null))
        .containsExactly("a-export", "a-role");
    assertThat(audit(Set.of(), Set.of(), "failure", null, null, null))
        .containsExactly("a-mfa-bad", "a-login-bad");
    assertThat(audit(Set.of(), Set.of(), "success", null, null, null))
        .containsExactly("a-export", "a-role", "a-login-ok");
    assertThat(audit(Set.of(), Set.of(), null, "203.0.113.9", null, null))
        .containsExactly("a-mfa-bad", "a-export", "a-login-bad");
    assertThat(audit(Set.of(), Set.of(), null, null, MINUTE_5, null))
        .containsExactly("a-mfa-bad", "a-export");
    assertThat(audit(Set.of(), Set.of(), null, null, null, MINUTE_2))
        .containsExactly("a-login-bad");
  }

  @Test
  @DisplayName("audit filters combine with AND")
  void auditFiltersCombined() {
    assertThat(audit(Set.of(), Set.of("u-1"), "failure", "203.0.113.9", null, null))
        .containsExactly("a-login-bad");
    assertThat(audit(Set.of("data_exported"), Set.of("u-2"), "success", null, MINUTE_5, null))
        .containsExactly("a-export");
    assertThat(audit(Set.of("login_failed"), Set.of(), "success", null, null, null)).isEmpty();
  }

  @Test
  @DisplayName(
      "a filter for one workspace never returns another's rows, whatever the other filters")
  void workspaceIsolation() {
    List<Set<String>> actorSets = List.of(Set.of(), Set.of("u-1"), Set.of("u-1", "u-2", "u-3"));
    List<Set<String>> typeSets =
        List.of(Set.of(), Set.of("created", "login_failed"), Set.of("role_changed"));
    List<String> outcomes = new ArrayList<>(List.of("success", "failure"));
    outcomes.add(null);
    for (String ws : List.of("ws-a", "ws-b", "ws-c")) {
      for (Set<String> actors : actorSets) {
        for (Set<String> types : typeSets) {
          List<ActivityEvent> seen = new ArrayList<>();
          seen.addAll(
              queries
                  .feed(new FeedFilter(ws, actors, types, Set.of(), null, null), 500, null)
                  .items());
          seen.addAll(
              queries
                  .feed(
                      new FeedFilter(ws, actors, types, Set.of("ticket", "asset"), MINUTE_2, null),
                      500,
                      null)
                  .items());
          for (String outcome : outcomes) {
            seen.addAll(
                queries
                    .audit(new AuditFilter(ws, types, actors, outcome, null, null, null), 500, null)
                    .items());
          }
          queries.stream(new FeedFilter(ws, actors, types, Set.of(), null, null), seen::add);
          queries.stream(new AuditFilter(ws, types, actors, null, null, null, null), seen::add);
          seen.addAll(queries.timeline(ws, "ticket", "t-1", false, 500, null).items());
          assertThat(seen).allMatch(e -> e.getWorkspaceId().equals(ws), "only rows of " + ws);
        }
      }
    }
    assertThat(queries.timeline("ws-b", "ticket", "t-1", false, 500, null).items())
        .extracting(ActivityEvent::getEventId)
        .isNotEmpty()
        .allMatch(id -> id.startsWith("b-"));
  }
}
