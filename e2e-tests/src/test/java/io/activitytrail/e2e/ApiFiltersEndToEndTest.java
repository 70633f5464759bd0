package io.activitytrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activitytrail.api.Role;
import io.activitytrail.e2e.TrailApi.Answer;
import io.activitytrail.e2e.TwoWorkspaces.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The feed and audit filters over real HTTP on the real stack, on workspace A of {@link
 * TwoWorkspaces}: the system created the workspace and a ticket; user 7 moved the ticket to
 * pending, failed to log in once and then logged in, both from 198.51.100.7. The successful login
 * is a team action, so the feed shows it too; the failed one is audit-only.
 */
class ApiFiltersEndToEndTest {
  private static TwoWorkspaces workspaces;
  private static Workspace a;

  @BeforeAll
  static void twoWorkspaces() throws Exception {
    workspaces = TwoWorkspaces.shared();
    a = workspaces.a();
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of(
            "/activities?actor=7", List.of("login_succeeded team_member", "status_changed ticket")),
        Arguments.of(
            "/activities?actor=7&actor=8",
            List.of("login_succeeded team_member", "status_changed ticket")),
        Arguments.of("/activities?actor=8", List.of()),
        Arguments.of("/activities?type=status_changed", List.of("status_changed ticket")),
        Arguments.of(
            "/activities?record_type=ticket", List.of("status_changed ticket", "created ticket")),
        Arguments.of("/activities?record_type=workspace", List.of("created workspace")),
        Arguments.of("/activities?record_type=team_member", List.of("login_succeeded team_member")),
        Arguments.of("/activities?type=status_changed&record_type=workspace", List.of()),
        Arguments.of("/activities?from=2099-01-01T00:00:00Z", List.of()),
        Arguments.of("/activities?to=2000-01-01T00:00:00Z", List.of()),
        Arguments.of(
            "/activities?record_type=ticket&from=2000-01-01T00:00:00Z&to=2099-01-01T00:00:00Z",
            List.of("status_changed ticket", "created ticket")),
        Arguments.of(
            "/audit-events", List.of("login_succeeded team_member", "login_failed team_member")),
        Arguments.of("/audit-events?outcome=failure", List.of("login_failed team_member")),
        Arguments.of("/audit-events?outcome=success", List.of("login_succeeded team_member")),
        Arguments.of("/audit-events?type=login_failed", List.of("login_failed team_member")),
        Arguments.of(
            "/audit-events?ip=198.51.100.7",
            List.of("login_succeeded team_member", "login_failed team_member")),
        Arguments.of("/audit-events?ip=203.0.113.1", List.of()),
        Arguments.of(
            "/audit-events?actor=7",
            List.of("login_succeeded team_member", "login_failed team_member")),
        Arguments.of("/audit-events?actor=8", List.of()),
        Arguments.of("/audit-events?from=2099-01-01T00:00:00Z", List.of()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("filters")
  @DisplayName("each filter returns exactly the matching events of the workspace, newest first")
  void filterNarrowsToMatches(String path, List<String> expected) {
    Answer answer = get(path + (path.contains("?") ? "&" : "?") + "limit=500");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<String> found = new ArrayList<>();
    for (JsonNode item : answer.json().get("items")) {
      assertThat(item.get("workspace_id").asText()).isEqualTo(a.id());
      found.add(item.get("type").asText() + " " + item.get("record_type").asText());
    }
    assertThat(found).containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName("the unfiltered feed holds what the filters split, and no audit-only event")
  void unfilteredFeed() {
    Answer answer = get("/activities?limit=500");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<String> types = new ArrayList<>();
    answer.json().get("items").forEach(item -> types.add(item.get("type").asText()));
    assertThat(types).containsExactly("login_succeeded", "status_changed", "created", "created");
  }

  private Answer get(String below) {
    return workspaces
        .api()
        .send("GET", workspaces.path(a, below), TrailApi.bearer(a.id(), Role.admin));
  }
}
