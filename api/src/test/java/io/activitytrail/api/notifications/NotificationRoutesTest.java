package io.activitytrail.api.notifications;

import static io.activitytrail.api.notifications.Inbox.notification;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activitytrail.api.Activities;
import io.activitytrail.api.Role;
import io.activitytrail.api.TestApi;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Notification;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The three notification routes over the real API server and embedded ClickHouse. The API's clock
 * stands at minute 30 after Activities.BASE, so a "mark all" covers notifications of minutes up to
 * 30; each test has users of its own.
 */
class NotificationRoutesTest {

  private static final String LIST = "/v1/workspaces/acme/notifications";
  private static final String COUNT = LIST + "/unread-count";
  private static final String READ = LIST + "/read";

  private static TestApi api;

  @BeforeAll
  static void start() {
    api = TestApi.start(Clock.fixed(Inbox.minute(30), ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static String token(String user) {
    return TestApi.token("acme", Role.admin, user);
  }

  private static void insert(Notification... notifications) {
    api.insertNotifications(List.of(notifications));
  }

  private static List<String> ids(TestApi.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    answer.json().get("items").forEach(i -> ids.add(i.get("notification_id").asText()));
    return ids;
  }

  private static long unread(String user) {
    TestApi.Answer answer = api.get(COUNT, token(user));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().fieldNames()).toIterable().containsExactly("unread", "capped");
    assertThat(answer.json().get("capped").asBoolean()).isFalse();
    return answer.json().get("unread").asLong();
  }

  private static TestApi.Answer markRead(String user, String json) {
    return api.post(READ, token(user), json);
  }

  @Test
  @DisplayName(
      "the list holds the caller's own notifications newest first: id, time, read, reason, and the"
          + " activity exactly as the feed gives it")
  void listShape() {
    ActivityEvent older = Activities.in("acme").type("assigned").minute(1).build();
    ActivityEvent newer = Activities.in("acme").type("status_changed").minute(2).build();
    api.insert(List.of(older, newer));
    Notification first = Inbox.of(older, "u-list", "assigned");
    Notification second = Inbox.of(newer, "u-list", "following");
    insert(first, second, Inbox.of(newer, "u-someone-else", "workspace"));

    TestApi.Answer answer = api.get(LIST, token("u-list"));

    assertThat(ids(answer)).containsExactly(second.getNotificationId(), first.getNotificationId());
    JsonNode item = answer.json().get("items").get(0);
    assertThat(item.fieldNames())
        .toIterable()
        .containsExactly("notification_id", "created_at", "read", "reason", "activity");
    assertThat(item.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}\\.\\d{3}Z");
    assertThat(item.get("read").asBoolean()).isFalse();
    assertThat(item.get("reason").asText()).isEqualTo("following");
    JsonNode feedItem =
        api.get("/v1/workspaces/acme/activities?limit=500", token("u-list")).json().get("items");
    JsonNode sameEvent = null;
    for (JsonNode e : feedItem) {
      if (e.get("event_id").asText().equals(newer.getEventId())) {
        sameEvent = e;
      }
    }
    assertThat(item.get("activity")).isEqualTo(sameEvent);
    assertThat(answer.json().get("next_cursor").isNull()).isTrue();
  }

  @Test
  @DisplayName("a member's items show the activity as a member's feed does: no request context")
  void memberSeesNoRequestContext() {
    insert(notification("acme", "u-member", 3, "assigned"));

    JsonNode actor =
        api.get(LIST, TestApi.token("acme", Role.member, "u-member"))
            .json()
            .at("/items/0/activity/actor");

    assertThat(actor.has("name")).isTrue();
    assertThat(actor.has("ip")).isFalse();
    assertThat(actor.has("user_agent")).isFalse();
  }

  @Test
  @DisplayName(
      "marking ids answers 204; those are then read, unread=true leaves them out and the count"
          + " drops")
  void markIds() {
    Notification a = notification("acme", "u-ids", 1, "assigned");
    Notification b = notification("acme", "u-ids", 2, "assigned");
    Notification c = notification("acme", "u-ids", 3, "assigned");
    insert(a, b, c);
    assertThat(unread("u-ids")).isEqualTo(3);

    TestApi.Answer answer =
        markRead(
            "u-ids",
            "{\"ids\": [\"" + a.getNotificationId() + "\", \"" + c.getNotificationId() + "\"]}");

    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.body()).isEmpty();
    assertThat(unread("u-ids")).isEqualTo(1);
    assertThat(ids(api.get(LIST + "?unread=true", token("u-ids"))))
        .containsExactly(b.getNotificationId());
    List<Boolean> read = new ArrayList<>();
    api.get(LIST, token("u-ids"))
        .json()
        .get("items")
        .forEach(i -> read.add(i.get("read").asBoolean()));
    assertThat(read).containsExactly(true, false, true);
  }

  @Test
  @DisplayName(
      "mark all covers what was created up to the API's clock; one that arrives afterwards, newer,"
          + " is unread")
  void markAllThenNewArrives() {
    insert(
        notification("acme", "u-all", 10, "assigned"),
        notification("acme", "u-all", 20, "assigned"));

    assertThat(markRead("u-all", "{\"all\": true}").status()).isEqualTo(204);
    assertThat(unread("u-all")).isZero();
    Notification arrived = notification("acme", "u-all", 31, "following");
    insert(arrived);

    assertThat(unread("u-all")).isEqualTo(1);
    assertThat(ids(api.get(LIST + "?unread=true", token("u-all"))))
        .containsExactly(arrived.getNotificationId());
  }

  @Test
  @DisplayName(
      "ids of another user's notifications in a read request do nothing to theirs, nor to the"
          + " caller's")
  void othersIdsDoNothing() {
    Notification adas = notification("acme", "u-ada", 1, "assigned");
    Notification bens = notification("acme", "u-ben", 2, "assigned");
    insert(adas, bens);

    assertThat(markRead("u-ben", "{\"ids\": [\"" + adas.getNotificationId() + "\"]}").status())
        .isEqualTo(204);

    assertThat(unread("u-ada")).isEqualTo(1);
    assertThat(api.get(LIST, token("u-ada")).json().at("/items/0/read").asBoolean()).isFalse();
    assertThat(unread("u-ben")).isEqualTo(1);
    assertThat(ids(api.get(LIST, token("u-ben")))).containsExactly(bens.getNotificationId());
  }

  @Test
  @DisplayName("a notification written twice shows once and counts once")
  void copiesShowOnce() {
    Notification twice = notification("acme", "u-copies", 5, "assigned");
    insert(twice, notification("acme", "u-copies", 4, "assigned"));
    insert(twice);

    assertThat(ids(api.get(LIST + "?limit=1", token("u-copies"))))
        .containsExactly(twice.getNotificationId());
    assertThat(ids(api.get(LIST, token("u-copies")))).hasSize(2).doesNotHaveDuplicates();
    assertThat(unread("u-copies")).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "paging while notifications arrive neither skips nor repeats one, copies and late arrivals"
          + " included")
  void pagingUnderInserts() {
    List<Notification> initial = new ArrayList<>();
    for (int m = 0; m < 9; m++) {
      initial.add(notification("acme", "u-paging", m, "assigned"));
    }
    insert(initial.toArray(Notification[]::new));

    List<String> seen = new ArrayList<>();
    TestApi.Answer page = api.get(LIST + "?limit=2", token("u-paging"));
    seen.addAll(ids(page));
    Notification late = notification("acme", "u-paging", 1, "following");
    int round = 0;
    while (!page.json().get("next_cursor").isNull()) {
      // Between pages: a newer one, a copy of one already shown, and once a late older one.
      insert(notification("acme", "u-paging", 40 + round, "assigned"), initial.get(8 - round));
      if (round++ == 1) {
        insert(late);
      }
      String cursor = page.json().get("next_cursor").asText();
      page = api.get(LIST + "?limit=2&cursor=" + cursor, token("u-paging"));
      seen.addAll(ids(page));
    }

    List<String> expected = new ArrayList<>();
    initial.forEach(n -> expected.add(n.getNotificationId()));
    expected.add(late.getNotificationId());
    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  @DisplayName(
      "audit notifications reach admins and auditors; a member's list and count leave them out")
  void auditNotificationsByRole() {
    insert(
        Inbox.auditNotification("acme", "u-role", 6),
        notification("acme", "u-role", 7, "assigned"));

    for (Role role : Role.values()) {
      String token = TestApi.token("acme", role, "u-role");
      int expected = role.readsAudit() ? 2 : 1;
      assertThat(api.get(LIST, token).json().get("items")).as(role.name()).hasSize(expected);
      assertThat(api.get(COUNT, token).json().get("unread").asInt())
          .as(role.name())
          .isEqualTo(expected);
    }
  }

  @Test
  @DisplayName(
      "an audit event never reaches a member, even in a notification of another reason than audit")
  void auditEventUnderAnotherReason() {
    Notification mislabelled =
        Inbox.of(Activities.in("acme").audit("role_changed").minute(8).build(), "u-m", "following");
    insert(mislabelled, notification("acme", "u-m", 7, "following"));

    TestApi.Answer member = api.get(LIST, TestApi.token("acme", Role.member, "u-m"));
    TestApi.Answer admin = api.get(LIST, TestApi.token("acme", Role.admin, "u-m"));

    assertThat(member.json().get("items")).hasSize(1);
    assertThat(member.body()).doesNotContain("role_changed");
    assertThat(ids(admin)).contains(mislabelled.getNotificationId());
  }

  @Test
  @DisplayName(
      "every role reads and marks its own notifications: no notification route answers 403")
  void noRoleIsRefused() {
    for (Role role : Role.values()) {
      String token = TestApi.token("acme", role, "u-any-role");
      assertThat(api.get(LIST, token).status()).as(role.name()).isEqualTo(200);
      assertThat(api.get(COUNT, token).status()).as(role.name()).isEqualTo(200);
      assertThat(api.post(READ, token, "{\"all\": true}").status()).as(role.name()).isEqualTo(204);
    }
  }

  @Test
  @DisplayName("/metrics labels notification requests by route template, never by workspace or id")
  void metricsByTemplate() {
    api.get(LIST, token("u-metrics"));
    api.get(COUNT, token("u-metrics"));
    markRead("u-metrics", "{\"all\": true}");
    api.get(READ, token("u-metrics"));

    String text = api.get("/metrics", null).body();

    assertThat(text)
        .contains("route=\"/v1/workspaces/{ws}/notifications\",status=\"200\"")
        .contains("route=\"/v1/workspaces/{ws}/notifications/unread-count\",status=\"200\"")
        .contains("route=\"/v1/workspaces/{ws}/notifications/read\",status=\"204\"")
        .contains("route=\"/v1/workspaces/{ws}/notifications/read\",status=\"405\"")
        .doesNotContain("acme")
        .doesNotContain("u-metrics");
  }
}
