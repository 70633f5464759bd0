package io.activitytrail.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activitytrail.api.Role;
import io.activitytrail.api.TestApi;
import io.activitytrail.event.Notification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (token workspace, token user, role, requested workspace) combination over two workspaces
 * whose users share ids: a caller only ever sees and counts its own notifications, and a token of
 * one workspace gets the 404 of a workspace that does not exist from every other.
 */
class NotificationIsolationTest {

  private static final List<String> WORKSPACES = List.of("acme", "globex");
  private static final List<String> USERS = List.of("7", "8", "9");
  private static final Map<String, Set<String>> OWN = new HashMap<>();
  private static TestApi api;

  @BeforeAll
  static void start() {
    api = TestApi.start();
    List<Notification> all = new ArrayList<>();
    for (String ws : WORKSPACES) {
      for (int u = 0; u < USERS.size(); u++) {
        String user = USERS.get(u);
        // Each user a different number of them, so a count of someone else's would differ.
        for (int i = 0; i <= u + 1; i++) {
          Notification n = Inbox.notification(ws, user, i, "assigned");
          all.add(n);
          OWN.computeIfAbsent(ws + "/" + user, k -> new HashSet<>()).add(n.getNotificationId());
        }
      }
    }
    api.insertNotifications(all);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static Stream<Arguments> combinations() {
    List<Arguments> all = new ArrayList<>();
    for (String tokenWs : WORKSPACES) {
      for (String user : USERS) {
        for (Role role : Role.values()) {
          for (String askedWs : List.of("acme", "globex", "initech")) {
            all.add(Arguments.of(tokenWs, user, role, askedWs));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "user {1} of {0} ({2}) asks {3}")
  @MethodSource("combinations")
  @DisplayName(
      "the list and the count hold exactly the caller's own notifications; another workspace is"
          + " 404 as if it did not exist")
  void ownOnly(String tokenWs, String user, Role role, String askedWs) {
    String token = TestApi.token(tokenWs, role, user);
    String base = "/v1/workspaces/" + askedWs + "/notifications";
    TestApi.Answer list = api.get(base + "?limit=500", token);
    TestApi.Answer count = api.get(base + "/unread-count", token);
    TestApi.Answer mark = api.post(base + "/read", token, "{\"ids\": [\"x\"]}");
    if (!tokenWs.equals(askedWs)) {
      for (TestApi.Answer answer : List.of(list, count, mark)) {
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("{\"error\":\"not found\"}");
      }
      return;
    }
    Set<String> shown = new HashSet<>();
    for (JsonNode item : list.json().get("items")) {
      shown.add(item.get("notification_id").asText());
      assertThat(item.at("/activity/workspace_id").asText()).isEqualTo(tokenWs);
    }
    Set<String> own = OWN.get(tokenWs + "/" + user);
    assertThat(shown).isEqualTo(own);
    assertThat(count.json().get("unread").asInt()).isEqualTo(own.size());
    assertThat(mark.status()).isEqualTo(204);
  }
}
