package io.activitytrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activitytrail.api.Role;
import io.activitytrail.e2e.TrailApi.Answer;
import io.activitytrail.e2e.TwoWorkspaces.Workspace;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every 400 of the API over real HTTP on the real stack, with the JSON body naming the parameter
 * (docs/api.md, docs/exports.md). The callers are A's admins, so nothing but the parameter is at
 * fault; the cursor cases use real cursors of the other kinds.
 */
class ApiBadParametersEndToEndTest {
  private static TwoWorkspaces workspaces;
  private static TrailApi api;
  private static Workspace a;

  @BeforeAll
  static void twoWorkspaces() throws Exception {
    workspaces = TwoWorkspaces.shared();
    api = workspaces.api();
    a = workspaces.a();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.activitytrail.e2e.BadRequest#cases")
  @DisplayName("400 with a JSON body naming the parameter")
  void badParameter(BadRequest request) {
    Answer answer =
        api.send(
            request.method(),
            workspaces.path(a, request.path()),
            TrailApi.bearer(a.id(), Role.admin));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).isEqualTo("application/json");
    JsonNode body = answer.json();
    assertThat(body.size()).as(answer.body()).isEqualTo(2);
    assertThat(body.path("parameter").asText()).as(answer.body()).isEqualTo(request.parameter());
    assertThat(body.path("error").asText()).contains(request.errorContains());
    if (request.method().equals("POST")) {
      assertThat(answer.header("Trail-Export-Id")).as("no export was started").isNull();
    }
  }

  @Test
  @DisplayName("the same filters, valid, are answered 200 (so each 400 above is the value's fault)")
  void validParametersPass() {
    String token = TrailApi.bearer(a.id(), Role.admin);
    for (String path :
        List.of(
            "/activities?limit=1",
            "/activities?limit=500&type=created&type=status_changed&record_type=ticket"
                + "&from=2025-03-04&to=2099-01-01T00:00:00%2B02:00&actor=7",
            "/activities?limit=1&cursor={feed-cursor}",
            "/records/ticket/{ticket}/timeline?order=desc&limit=500",
            "/records/ticket/{ticket}/timeline?cursor={timeline-asc-cursor}",
            "/records/ticket/{ticket}/timeline?order=desc&cursor={timeline-desc-cursor}",
            "/audit-events?outcome=failure&type=login_failed&ip=198.51.100.7&limit=500",
            "/audit-events?cursor={audit-cursor}")) {
      Answer answer = api.send("GET", workspaces.path(a, path), token);
      assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
      assertThat(answer.json().has("items")).isTrue();
    }
  }
}
