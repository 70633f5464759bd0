package io.activitytrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activitytrail.event.ActivityEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (token workspace, requested workspace, role, endpoint) combination over three workspaces
 * that share record ids, actors and types: no answer carries an event of another workspace, and
 * members never receive an audit event.
 */
class WorkspaceIsolationTest {

  private static final List<String> WORKSPACES = List.of("acme", "globex", "initech");
  private static final List<String> ENDPOINTS =
      List.of(
          "/activities?limit=500",
          "/activities?limit=500&actor=7&record_type=ticket",
          "/activities?limit=500&type=login_succeeded",
          "/records/ticket/42/timeline?limit=500",
          "/records/ticket/42/timeline?limit=500&order=desc",
          "/records/team_member/7/timeline?limit=500",
          "/records/workspace/acme/timeline?limit=500",
          "/audit-events?limit=500",
          "/audit-events?limit=500&outcome=failure");

  /** Endpoints whose answer the fixture makes non-empty for every role, so a pass means more. */
  private static final Set<String> SHOWS_SOMETHING =
      Set.of(
          "/activities?limit=500",
          "/activities?limit=500&actor=7&record_type=ticket",
          "/records/ticket/42/timeline?limit=500",
          "/records/ticket/42/timeline?limit=500&order=desc");

  private static TestApi api;

  @BeforeAll
  static void start() {
    api = TestApi.start();
    List<ActivityEvent> events = new ArrayList<>();
    for (String ws : WORKSPACES) {
      for (int i = 0; i < 4; i++) {
        events.add(
            Activities.in(ws).type("status_changed").record("ticket", "42").minute(i).build());
        events.add(
            Activities.in(ws)
                .type("file_attached")
                .record("file", "f")
                .parent("ticket", "42")
                .build());
        events.add(
            Activities.in(ws).audit("login_failed").record("team_member", "7").minute(i).build());
        events.add(Activities.in(ws).audit("login_succeeded").record("workspace", "acme").build());
      }
    }
    api.insert(events);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static Stream<Arguments> combinations() {
    List<Arguments> all = new ArrayList<>();
    for (String tokenWs : WORKSPACES) {
      for (String askedWs : WORKSPACES) {
        for (Role role : Role.values()) {
          for (String endpoint : ENDPOINTS) {
            all.add(Arguments.of(tokenWs, askedWs, role, endpoint));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "token {0}/{2} asks {1}{3}")
  @MethodSource("combinations")
  @DisplayName("no response carries another workspace's event; members never get audit events")
  void isolated(String tokenWs, String askedWs, Role role, String endpoint) {
    TestApi.Answer answer =
        api.get("/v1/workspaces/" + askedWs + endpoint, TestApi.token(tokenWs, role));
    if (!tokenWs.equals(askedWs)) {
      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.body()).isEqualTo("{\"error\":\"not found\"}");
      return;
    }
    boolean audit = endpoint.startsWith("/audit-events");
    if (audit && role == Role.member) {
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.body()).doesNotContain("event_id");
      return;
    }
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode items = answer.json().get("items");
    for (JsonNode item : items) {
      assertThat(item.get("workspace_id").asText()).isEqualTo(tokenWs);
      if (role == Role.member) {
        assertThat(item.get("category").asText()).isEqualTo("activity");
      }
    }
    if (SHOWS_SOMETHING.contains(endpoint) || (audit && role.readsAudit())) {
      assertThat(items).as("the fixture gives this endpoint something to show").isNotEmpty();
    }
  }
}
