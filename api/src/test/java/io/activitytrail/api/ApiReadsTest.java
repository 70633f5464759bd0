package io.activitytrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.event.ActivityEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Filters, paging, timelines and what each role sees, over real ClickHouse queries. */
class ApiReadsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestApi api;
  private static final List<ActivityEvent> FEED = new ArrayList<>();
  private static String ticketCreated;
  private static String messageReceived;
  private static String fileAttached;
  private static String statusChanged;
  private static String loginFailed;
  private static String loginSucceeded;

  @BeforeAll
  static void start() {
    api = TestApi.start();
    Activities.Spec created =
        Activities.in("acme").type("created").record("ticket", "42").minute(1);
    Activities.Spec message =
        Activities.in("acme")
            .type("message_received")
            .record("ticket", "42")
            .actor("c-1")
            .minute(2);
    Activities.Spec file =
        Activities.in("acme")
            .type("file_attached")
            .record("file", "f-1")
            .parent("ticket", "42")
            .minute(3);
    Activities.Spec status =
        Activities.in("acme")
            .type("status_changed")
            .record("ticket", "42")
            .minute(4)
            .changes(
                Activities.change("status", "open", "pending", false),
                Activities.change("secret", "a", "b", true));
    Activities.Spec asset = Activities.in("acme").type("created").record("asset", "a-1").actor("8");
    Activities.Spec failed =
        Activities.in("acme").audit("login_failed").ip("203.0.113.9").minute(5);
    Activities.Spec succeeded = Activities.in("acme").audit("login_succeeded").minute(6);
    ticketCreated = created.id();
    messageReceived = message.id();
    fileAttached = file.id();
    statusChanged = status.id();
    loginFailed = failed.id();
    loginSucceeded = succeeded.id();
    List<ActivityEvent> events = new ArrayList<>();
    for (Activities.Spec spec : List.of(created, message, file, status, asset)) {
      FEED.add(spec.build());
    }
    for (int i = 0; i < 23; i++) {
      FEED.add(
          Activities.in("acme")
              .type("updated")
              .record("customer", "c-" + i)
              .minute(10 + i)
              .build());
    }
    events.addAll(FEED);
    events.add(failed.build());
    events.add(succeeded.build());
    events.add(Activities.in("globex").type("created").minute(1).build());
    api.insert(events);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static TestApi.Answer admin(String pathAndQuery) {
    return api.get(pathAndQuery, TestApi.token("acme", Role.admin));
  }

  @Test
  @DisplayName("the feed pages newest first through next_cursor: every activity once, no audit")
  void feedPaging() {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      TestApi.Answer page =
          admin(
              "/v1/workspaces/acme/activities?limit=4"
                  + (cursor == null
                      ? ""
                      : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
      assertThat(page.status()).isEqualTo(200);
      seen.addAll(page.eventIds());
      JsonNode next = page.json().get("next_cursor");
      cursor = next.isNull() ? null : next.asText();
      pages++;
    } while (cursor != null && pages < 20);
    assertThat(seen).doesNotHaveDuplicates().hasSize(FEED.size());
    assertThat(seen).doesNotContain(loginFailed, loginSucceeded);
    assertThat(seen.get(0)).isEqualTo(FEED.get(FEED.size() - 1).getEventId());
  }

  @Test
  @DisplayName("type, record_type, actor (repeatable) and from/to narrow the feed")
  void feedFilters() {
    assertThat(admin("/v1/workspaces/acme/activities?type=status_changed").eventIds())
        .containsExactly(statusChanged);
    assertThat(
            admin("/v1/workspaces/acme/activities?type=status_changed&type=message_received")
                .eventIds())
        .containsExactly(statusChanged, messageReceived);
    assertThat(admin("/v1/workspaces/acme/activities?record_type=file").eventIds())
        .containsExactly(fileAttached);
    assertThat(admin("/v1/workspaces/acme/activities?actor=c-1&actor=8").eventIds())
        .containsExactlyInAnyOrder(messageReceived, FEED.get(4).getEventId());
    String from = ActivityJson.timestamp(Activities.BASE.plusSeconds(60));
    String to = ActivityJson.timestamp(Activities.BASE.plusSeconds(180));
    assertThat(admin("/v1/workspaces/acme/activities?from=" + from + "&to=" + to).eventIds())
        .containsExactly(messageReceived, ticketCreated);
  }

  @Test
  @DisplayName("a ticket's timeline: its own events and its files, oldest first; desc reverses")
  void ticketTimeline() {
    assertThat(admin("/v1/workspaces/acme/records/ticket/42/timeline").eventIds())
        .containsExactly(ticketCreated, messageReceived, fileAttached, statusChanged);
    assertThat(admin("/v1/workspaces/acme/records/ticket/42/timeline?order=desc").eventIds())
        .containsExactly(statusChanged, fileAttached, messageReceived, ticketCreated);
  }

  @Test
  @DisplayName("the audit log filters by outcome, type and ip")
  void auditFilters() {
    assertThat(admin("/v1/workspaces/acme/audit-events").eventIds())
        .containsExactly(loginSucceeded, loginFailed);
    assertThat(admin("/v1/workspaces/acme/audit-events?outcome=failure").eventIds())
        .containsExactly(loginFailed);
    assertThat(admin("/v1/workspaces/acme/audit-events?outcome=success").eventIds())
        .containsExactly(loginSucceeded);
    assertThat(admin("/v1/workspaces/acme/audit-events?ip=203.0.113.9").eventIds())
        .containsExactly(loginFailed);
    assertThat(admin("/v1/workspaces/acme/audit-events?type=login_succeeded").eventIds())
        .containsExactly(loginSucceeded);
  }

  @Test
  @DisplayName("the feed filters by a changed field, its old and new value; a hidden value never")
  void changeFilters() {
    assertThat(admin("/v1/workspaces/acme/activities?field=status").eventIds())
        .containsExactly(statusChanged);
    assertThat(admin("/v1/workspaces/acme/activities?field=status&new=pending").eventIds())
        .containsExactly(statusChanged);
    assertThat(admin("/v1/workspaces/acme/activities?field=status&new=open").eventIds()).isEmpty();
    assertThat(admin("/v1/workspaces/acme/activities?old=open&old=x&new=pending").eventIds())
        .containsExactly(statusChanged);
    assertThat(admin("/v1/workspaces/acme/activities?field=secret").eventIds())
        .containsExactly(statusChanged);
    assertThat(admin("/v1/workspaces/acme/activities?field=secret&new=b").eventIds()).isEmpty();
  }

  @Test
  @DisplayName("a feed cursor is refused by the audit log: 400 naming cursor")
  void cursorOfAnotherKind() {
    String cursor =
        admin("/v1/workspaces/acme/activities?limit=1").json().get("next_cursor").asText();
    TestApi.Answer answer =
        admin(
            "/v1/workspaces/acme/audit-events?cursor="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("parameter").asText()).isEqualTo("cursor");
  }

  @Test
  @DisplayName(
      "an admin's item matches the golden JSON: UTC millis, request context, hidden"
          + " sensitive values")
  void adminItemGolden() throws Exception {
    JsonNode item =
        admin("/v1/workspaces/acme/activities?type=status_changed").json().get("items").get(0);
    JsonNode golden = JSON.readTree(getClass().getResource("/golden/status-changed-admin.json"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) golden).put("event_id", statusChanged);
    ((com.fasterxml.jackson.databind.node.ObjectNode) golden)
        .put("change_id", "chg-" + statusChanged);
    ((com.fasterxml.jackson.databind.node.ObjectNode) golden)
        .put("occurred_at", ActivityJson.timestamp(Activities.BASE.plusSeconds(240)));
    ((com.fasterxml.jackson.databind.node.ObjectNode) golden)
        .put("transaction_id", item.get("transaction_id").asText());
    assertThat(item).isEqualTo(golden);
    assertThat(item.get("occurred_at").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.123Z");
  }

  @Test
  @DisplayName("a member sees actors by type, id and name only: no ip, user agent or channel")
  void memberSeesNoRequestContext() {
    TestApi.Answer answer =
        api.get("/v1/workspaces/acme/activities?limit=500", TestApi.token("acme", Role.member));
    assertThat(answer.status()).isEqualTo(200);
    for (JsonNode item : answer.json().get("items")) {
      assertThat(item.get("actor").fieldNames()).toIterable().containsExactly("type", "id", "name");
    }
    assertThat(answer.body()).doesNotContain("10.0.0.8").doesNotContain("Mozilla");
  }
}
