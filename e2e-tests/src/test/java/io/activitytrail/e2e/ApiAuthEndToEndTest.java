package io.activitytrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activitytrail.api.Role;
import io.activitytrail.e2e.TrailApi.Answer;
import io.activitytrail.e2e.TwoWorkspaces.Workspace;
import java.time.Duration;
import java.time.Instant;
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
 * Every 401 of the API over real HTTP on the real stack (docs/api.md "Who sees what"): no usable
 * token, on every endpoint, with its Bearer challenge. The token is checked before the workspace,
 * so a bad token learns nothing about which workspaces exist.
 */
class ApiAuthEndToEndTest {
  private static final String CHALLENGE = "Bearer realm=\"activity-trail\"";

  private static TwoWorkspaces workspaces;
  private static TrailApi api;
  private static byte[] secret;
  private static Workspace a;
  private static Workspace b;

  @BeforeAll
  static void twoWorkspaces() throws Exception {
    workspaces = TwoWorkspaces.shared();
    api = workspaces.api();
    secret = E2eStack.shared().apiSecret();
    a = workspaces.a();
    b = workspaces.b();
  }

  /** The endpoints behind a token, below /v1/workspaces/{ws}. */
  enum Endpoint {
    FEED("GET", "/activities"),
    TIMELINE("GET", "/records/ticket/{ticket}/timeline"),
    AUDIT("GET", "/audit-events"),
    EXPORT("POST", "/exports?kind=activities&format=jsonl"),
    EXPORT_MANIFEST("GET", "/exports/{export}");

    final String method;
    final String path;

    Endpoint(String method, String path) {
      this.method = method;
      this.path = path;
    }

    @Override
    public String toString() {
      return method + " …" + path;
    }
  }

  static Stream<Arguments> badTokensOnEveryEndpoint() {
    List<Arguments> all = new ArrayList<>();
    BadToken.cases()
        .forEach(
            token -> {
              for (Endpoint endpoint : Endpoint.values()) {
                all.add(Arguments.of(token, endpoint));
              }
            });
    return all.stream();
  }

  @ParameterizedTest(name = "{0} on {1} -> 401")
  @MethodSource("badTokensOnEveryEndpoint")
  @DisplayName("401 with a Bearer challenge and a JSON error")
  void unauthorized(BadToken token, Endpoint endpoint) {
    Answer answer =
        api.send(
            endpoint.method,
            workspaces.path(a, endpoint.path),
            token.authorization().apply(secret, a.id()));

    assertThat(answer.status()).as(answer.body()).isEqualTo(401);
    String challenge = answer.header("WWW-Authenticate");
    if (token.tokenSent()) {
      assertThat(challenge).startsWith(CHALLENGE + ", error=\"invalid_token\", error_description=");
    } else {
      assertThat(challenge).isEqualTo(CHALLENGE);
    }
    JsonNode body = answer.json();
    assertThat(body.size()).as(answer.body()).isEqualTo(1);
    assertThat(body.path("error").asText()).contains(token.errorContains());
    assertThat(answer.body()).doesNotContain("items", a.id());
    assertThat(answer.header("Trail-Export-Id")).isNull();
  }

  @Test
  @DisplayName("a bad token asking another workspace is 401, not 404: the token is checked first")
  void badTokenBeforeWorkspace() {
    String expired =
        TrailApi.token(
            secret, a.id(), Role.admin, Duration.ofMinutes(1), Instant.now().minusSeconds(7200));
    for (Endpoint endpoint : Endpoint.values()) {
      Answer answer =
          api.send(endpoint.method, workspaces.path(b, endpoint.path), "Bearer " + expired);
      assertThat(answer.status()).as(endpoint + ": " + answer.body()).isEqualTo(401);
      assertThat(answer.json().path("error").asText()).isEqualTo("the token has expired");
    }
  }
}
