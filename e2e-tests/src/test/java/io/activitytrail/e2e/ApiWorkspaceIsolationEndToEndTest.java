package io.activitytrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.activitytrail.api.Role;
import io.activitytrail.e2e.TrailApi.Answer;
import io.activitytrail.e2e.TwoWorkspaces.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who sees what, over real HTTP on the real stack (docs/api.md "Who sees what", docs/exports.md):
 * 404 for a token of workspace A asking workspace B, byte for byte the answer for a workspace that
 * does not exist, and 403 for members on the audit log and exports. The checks run in the API's
 * order, so a refusal never says more than the caller may know: some cases pin that order too (a
 * member's bad audit parameter is 403, a bad parameter in another workspace is 404).
 */
class ApiWorkspaceIsolationEndToEndTest {
  private static final String NOT_FOUND = "{\"error\":\"not found\"}";

  private static TwoWorkspaces workspaces;
  private static TrailApi api;
  private static Workspace a;
  private static Workspace b;

  @BeforeAll
  static void twoWorkspaces() throws Exception {
    workspaces = TwoWorkspaces.shared();
    api = workspaces.api();
    a = workspaces.a();
    b = workspaces.b();
  }

  /** What A's tokens ask of B: each endpoint, some with values that would otherwise be refused. */
  enum CrossRequest {
    FEED("GET", "/activities?limit=500"),
    FEED_WITH_BAD_LIMIT("GET", "/activities?limit=0"),
    FEED_WITH_UNKNOWN_TYPE("GET", "/activities?type=nope"),
    TIMELINE("GET", "/records/ticket/{ticket}/timeline?limit=500"),
    TIMELINE_WITH_BAD_ORDER("GET", "/records/ticket/{ticket}/timeline?order=sideways"),
    AUDIT("GET", "/audit-events?limit=500"),
    AUDIT_WITH_BAD_OUTCOME("GET", "/audit-events?outcome=maybe"),
    EXPORT_ACTIVITIES("POST", "/exports?kind=activities&format=jsonl"),
    EXPORT_AUDIT_EVENTS("POST", "/exports?kind=audit-events&format=csv"),
    EXPORT_WITHOUT_KIND("POST", "/exports"),
    EXPORT_MANIFEST("GET", "/exports/{export}");

    final String method;
    final String path;

    CrossRequest(String method, String path) {
      this.method = method;
      this.path = path;
    }

    @Override
    public String toString() {
      return method + " …" + path;
    }
  }

  static Stream<Arguments> crossWorkspace() {
    List<Arguments> all = new ArrayList<>();
    for (Role role : Role.values()) {
      for (CrossRequest request : CrossRequest.values()) {
        all.add(Arguments.of(role, request));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "A''s {0} asks B: {1} -> 404 not found")
  @MethodSource("crossWorkspace")
  @DisplayName(
      "another workspace: 404, byte for byte the answer for a workspace that does not exist")
  void otherWorkspace(Role role, CrossRequest request) {
    String token = TrailApi.bearer(a.id(), role);
    long exportsInB = workspaces.dataExported(b);

    Answer forB = api.send(request.method, workspaces.path(b, request.path), token);
    Workspace nowhere = new Workspace("no-such-ws-" + UUID.randomUUID(), b.ticket(), b.exportId());
    Answer forNowhere = api.send(request.method, workspaces.path(nowhere, request.path), token);

    assertThat(forB.status()).as(forB.body()).isEqualTo(404);
    assertThat(forB.body()).isEqualTo(NOT_FOUND).isEqualTo(forNowhere.body());
    assertThat(forNowhere.status()).isEqualTo(404);
    assertThat(forB.header("Content-Type"))
        .isEqualTo(forNowhere.header("Content-Type"))
        .isEqualTo("application/json");
    assertThat(forB.header("WWW-Authenticate")).isNull();
    assertThat(forB.header("Trail-Export-Id")).isNull();
    assertThat(forB.header("Location")).isNull();
    assertThat(forB.body()).doesNotContain(b.id(), Long.toString(b.ticket()), b.exportId());
    assertThat(workspaces.dataExported(b)).as("no export was made in B").isEqualTo(exportsInB);
  }

  @Test
  @DisplayName("B's own admin reads what A's tokens are refused: the 404s hide data that exists")
  void workspaceBHasWhatAIsRefused() {
    String token = TrailApi.bearer(b.id(), Role.admin);
    assertThat(get(b, "/activities?limit=500", token).json().get("items")).isNotEmpty();
    assertThat(get(b, "/records/ticket/{ticket}/timeline", token).json().get("items")).isNotEmpty();
    assertThat(get(b, "/audit-events?limit=500", token).json().get("items")).isNotEmpty();
    Answer manifest = get(b, "/exports/{export}", token);
    assertThat(manifest.status()).as(manifest.body()).isEqualTo(200);
    assertThat(manifest.json().path("export_id").asText()).isEqualTo(b.exportId());
    assertThat(manifest.json().path("workspace_id").asText()).isEqualTo(b.id());
  }

  /** A member's requests in their own workspace that need admin or auditor. */
  enum MemberRequest {
    AUDIT("GET", "/audit-events", "the audit log is for admins and auditors"),
    AUDIT_FILTERED(
        "GET",
        "/audit-events?outcome=failure&limit=500",
        "the audit log is for admins and auditors"),
    AUDIT_WITH_CURSOR(
        "GET", "/audit-events?cursor={audit-cursor}", "the audit log is for admins and auditors"),
    AUDIT_WITH_BAD_OUTCOME(
        "GET", "/audit-events?outcome=maybe", "the audit log is for admins and auditors"),
    EXPORT_ACTIVITIES(
        "POST", "/exports?kind=activities&format=jsonl", "exports are for admins and auditors"),
    EXPORT_AUDIT_EVENTS(
        "POST", "/exports?kind=audit-events&format=csv", "exports are for admins and auditors"),
    EXPORT_WITHOUT_KIND("POST", "/exports", "exports are for admins and auditors"),
    EXPORT_MANIFEST("GET", "/exports/{export}", "exports are for admins and auditors");

    final String method;
    final String path;
    final String error;

    MemberRequest(String method, String path, String error) {
      this.method = method;
      this.path = path;
      this.error = error;
    }

    @Override
    public String toString() {
      return method + " …" + path;
    }
  }

  @ParameterizedTest(name = "member: {0} -> 403")
  @EnumSource(MemberRequest.class)
  @DisplayName("403 for a member on the audit log and exports, with nothing of the data")
  void memberRefused(MemberRequest request) {
    long exportsInA = workspaces.dataExported(a);
    Answer answer =
        api.send(
            request.method, workspaces.path(a, request.path), TrailApi.bearer(a.id(), Role.member));

    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
    assertThat(answer.header("Content-Type")).isEqualTo("application/json");
    assertThat(answer.json())
        .isEqualTo(JsonNodeFactory.instance.objectNode().put("error", request.error));
    assertThat(answer.header("Trail-Export-Id")).isNull();
    assertThat(workspaces.dataExported(a)).as("no export was made").isEqualTo(exportsInA);
  }

  @Test
  @DisplayName("members read their feed and timelines; admins and auditors the audit log")
  void rolesThatMayRead() {
    for (String path : List.of("/activities", "/records/ticket/{ticket}/timeline")) {
      Answer answer = get(a, path, TrailApi.bearer(a.id(), Role.member));
      assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
      assertThat(answer.json().get("items")).isNotEmpty();
    }
    for (Role role : List.of(Role.admin, Role.auditor)) {
      Answer answer = get(a, "/audit-events", TrailApi.bearer(a.id(), role));
      assertThat(answer.status()).as(role + ": " + answer.body()).isEqualTo(200);
      assertThat(answer.json().get("items")).hasSizeGreaterThanOrEqualTo(2);
    }
  }

  private static Answer get(Workspace ws, String below, String token) {
    return api.send("GET", workspaces.path(ws, below), token);
  }
}
