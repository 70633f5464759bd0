package io.activitytrail.clickhouse;

import static io.activitytrail.clickhouse.QueryFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.schemas.filter.EventFilter;
import io.activitytrail.schemas.filter.EventFilterJson;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One filter, two evaluations: {@link EventFilter#matches} (what a rule uses) and the SQL of the
 * feed and the audit log (what the API uses) select the same events from the same fixed set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventFilterParityTest {

  private final ClickHouse ch = TestClickHouse.open();
  private final List<ActivityEvent> events = new ArrayList<>();
  private ActivityQueries queries;

  @BeforeAll
  void data() {
    String db = TestClickHouse.freshDatabase();
    ClickHouseMigrations.apply(ch, db);
    queries = new ActivityQueries(ch, db);
    for (String ws : List.of("ws-a", "ws-b")) {
      String p = ws + "-";
      events.addAll(
          List.of(
              with(
                  event(p + "solved").ws(ws).type("status_changed").actor("u-1").minute(0),
                  change("status", "open", "solved"),
                  change("priority", "low", "high")),
              with(
                  event(p + "reopened").ws(ws).type("status_changed").actor("u-2").minute(1),
                  change("status", "solved", "open")),
              with(
                  event(p + "assigned").ws(ws).type("assigned").actor("u-1").minute(2),
                  change("assignee_id", null, "7")),
              with(event(p + "asset").ws(ws).type("created").record("asset", "a1").minute(3)),
              with(
                  event(p + "role-admin").ws(ws).audit("role_changed").actor("u-3").minute(4),
                  change("role", "member", "admin")),
              with(
                  event(p + "role-owner").ws(ws).audit("role_changed").actor("u-1").minute(5),
                  change("role", "admin", "owner")),
              with(
                  event(p + "password").ws(ws).audit("password_changed").actor("u-2").minute(6),
                  FieldChange.newBuilder().setField("password").setSensitive(true).build(),
                  FieldChange.newBuilder(change("token", "t1", "t2")).setSensitive(true).build()),
              with(
                  event(p + "login-bad")
                      .ws(ws)
                      .audit("login_failed")
                      .actor("u-4")
                      .ip("203.0.113.9")
                      .minute(7)),
              with(
                  event(p + "login-bad-no-ip")
                      .ws(ws)
                      .audit("login_failed")
                      .actor("u-5")
                      .ip(null)
                      .minute(8)),
              with(event(p + "login-ok").ws(ws).audit("login_succeeded").actor("u-4").minute(9)),
              with(
                  event(p + "export")
                      .ws(ws)
                      .audit("data_exported")
                      .actor("u-1")
                      .ip("203.0.113.9")
                      .minute(10))));
    }
    QueryFixtures.insert(ch, db, events);
  }

  static Stream<String> filters() {
    return Stream.of(
        "{}",
        "{\"type\": [\"status_changed\"], \"field\": \"status\", \"new\": \"solved\"}",
        "{\"field\": \"status\"}",
        "{\"field\": \"priority\", \"new\": \"solved\"}",
        "{\"old\": \"low\", \"new\": \"high\"}",
        "{\"new\": \"7\"}",
        "{\"old\": \"7\"}",
        "{\"type\": \"role_changed\", \"field\": \"role\", \"new\": [\"admin\", \"owner\"]}",
        "{\"field\": \"password\"}",
        "{\"field\": \"password\", \"new\": \"secret\"}",
        "{\"field\": \"token\"}",
        "{\"new\": \"t2\"}",
        "{\"field\": \"token\", \"old\": \"t1\"}",
        "{\"actor\": \"u-1\"}",
        "{\"actor\": [\"u-1\", \"u-4\"]}",
        "{\"record_type\": \"asset\"}",
        "{\"outcome\": \"failure\"}",
        "{\"outcome\": \"success\", \"actor\": \"u-4\"}",
        "{\"ip\": \"203.0.113.9\"}",
        "{\"ip\": [\"203.0.113.9\", \"10.0.0.1\"], \"type\": \"login_failed\"}",
        "{\"from\": \"" + QueryFixtures.BASE.plusSeconds(120) + "\"}",
        "{\"to\": \"" + QueryFixtures.BASE.plusSeconds(300) + "\", \"actor\": \"u-1\"}");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  @DisplayName("a filter and the API's query with the same filter select the same events")
  void sameEvents(String json) {
    EventFilter filter = EventFilterJson.parse(json);
    List<String> feed = ids(queries.feed(new FeedFilter("ws-a", filter), 500, null).items());
    List<String> audit = ids(queries.audit(new AuditFilter("ws-a", filter), 500, null).items());

    assertThat(feed).containsExactlyElementsOf(matching(filter, Category.activity));
    assertThat(audit).containsExactlyElementsOf(matching(filter, Category.audit));
  }

  /** What the pure matcher selects, in the pages' order (newest first). */
  private List<String> matching(EventFilter filter, Category category) {
    return events.stream()
        .filter(e -> e.getWorkspaceId().equals("ws-a") && e.getCategory() == category)
        .filter(filter::matches)
        .sorted(QueryFixtures.COMMIT_ORDER.reversed())
        .map(ActivityEvent::getEventId)
        .toList();
  }

  private static List<String> ids(List<ActivityEvent> page) {
    return QueryFixtures.ids(page);
  }

  private static ActivityEvent with(QueryFixtures.Spec spec, FieldChange... changes) {
    return ActivityEvent.newBuilder(spec.build()).setChanges(List.of(changes)).build();
  }

  private static FieldChange change(String field, String old, String now) {
    return FieldChange.newBuilder().setField(field).setOld(old).setNew$(now).build();
  }
}
