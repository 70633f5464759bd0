package io.activitytrail.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.api.ApiTokens;
import io.activitytrail.api.Role;
import io.activitytrail.api.TestApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every request the notification routes refuse, in the API's order: unknown path 404, method 405,
 * token 401, workspace 404, parameters and body 400 naming the parameter. A refused read request
 * marks nothing: user 7's one notification stays unread throughout.
 */
class NotificationRequestsTest {

  private static final String BASE = "/v1/workspaces/acme/notifications";
  private static final String[] ROUTES = {BASE, BASE + "/unread-count", BASE + "/read"};
  private static TestApi api;

  @BeforeAll
  static void start() {
    api = TestApi.start();
    api.insertNotifications(List.of(Inbox.notification("acme", "7", 1, "assigned")));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static String token() {
    return TestApi.token("acme", Role.member, "7");
  }

  private static void assertNothingMarked() {
    assertThat(api.get(BASE + "/unread-count", token()).json().get("unread").asInt()).isEqualTo(1);
  }

  private static void assertBadParameter(TestApi.Answer answer, String parameter) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().get("parameter").asText()).isEqualTo(parameter);
    assertThat(answer.json().get("error").asText()).isNotBlank();
  }

  @ParameterizedTest(name = "{0} {1} {2} -> 400 naming {3}")
  @CsvFileSource(
      resources = "/fixtures/bad-notification-requests.csv",
      numLinesToSkip = 1,
      delimiter = '|',
      quoteCharacter = '`')
  void badParameter(String method, String pathAndQuery, String body, String parameter) {
    assertBadParameter(api.send(method, pathAndQuery, token(), body), parameter);
    assertNothingMarked();
  }

  @Test
  @DisplayName(
      "a read request naming more than 500 ids, an id over 100 characters, or a body over 64 KiB"
          + " is a 400")
  void tooMuch() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i <= 500; i++) {
      ids.add("\"n-" + i + "\"");
    }
    assertBadParameter(api.post(BASE + "/read", token(), "{\"ids\": " + ids + "}"), "ids");
    String tooLong = "x".repeat(101);
    assertBadParameter(
        api.post(BASE + "/read", token(), "{\"ids\": [\"" + tooLong + "\"]}"), "ids");
    String huge = "{\"ids\": [\"n-1\"], \"pad\": \"" + "x".repeat(64 * 1024) + "\"}";
    assertBadParameter(api.post(BASE + "/read", token(), huge), "body");
    assertNothingMarked();
  }

  @Test
  @DisplayName("500 ids, repeats included, is a valid read request")
  void fiveHundredIds() {
    List<String> ids = new ArrayList<>(Collections.nCopies(10, "\"n-repeated\""));
    for (int i = ids.size(); i < 500; i++) {
      ids.add("\"n-" + i + "\"");
    }
    String token = TestApi.token("acme", Role.member, "someone-else");
    assertThat(api.post(BASE + "/read", token, "{\"ids\": " + ids + "}").status()).isEqualTo(204);
  }

  @ParameterizedTest(name = "notifications{0}")
  @ValueSource(strings = {"", "/unread-count", "/read"})
  @DisplayName(
      "no token, a malformed, expired or foreign-signed one, or one without a user: 401 with a"
          + " Bearer challenge")
  void unauthorized(String route) {
    String path = BASE + route;
    String method = route.equals("/read") ? "POST" : "GET";
    String body = route.equals("/read") ? "{\"all\": true}" : null;
    Instant now = Instant.now();
    byte[] otherSecret =
        "another-secret-another-secret-another-secret".getBytes(StandardCharsets.UTF_8);
    List<String> tokens =
        List.of(
            "not.a.token",
            ApiTokens.mint(
                TestApi.SECRET,
                "7",
                "acme",
                Role.admin,
                Duration.ofMinutes(1),
                now.minus(Duration.ofHours(1))),
            ApiTokens.mint(otherSecret, "7", "acme", Role.admin, Duration.ofMinutes(5), now),
            ApiTokens.mint(TestApi.SECRET, " ", "acme", Role.admin, Duration.ofMinutes(5), now));

    TestApi.Answer none = api.send(method, path, null, body);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"activity-trail\"");
    for (String token : tokens) {
      TestApi.Answer answer = api.send(method, path, token, body);
      assertThat(answer.status()).as(token).isEqualTo(401);
      assertThat(answer.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
      assertThat(answer.json().get("error").asText()).isNotBlank();
    }
    assertNothingMarked();
  }

  @Test
  @DisplayName(
      "a token of acme asking for globex gets, on every route, the 404 of a workspace that does"
          + " not exist, before any parameter is looked at")
  void otherWorkspace() {
    for (String route : ROUTES) {
      String method = route.endsWith("/read") ? "POST" : "GET";
      String body = route.endsWith("/read") ? "{\"all\": true}" : null;
      TestApi.Answer globex =
          api.send(method, route.replace("acme", "globex") + "?limit=0", token(), body);
      TestApi.Answer nowhere =
          api.send(method, route.replace("acme", "no-such-ws") + "?limit=0", token(), body);
      assertThat(globex.status()).as(route).isEqualTo(404);
      assertThat(globex.body()).isEqualTo(nowhere.body()).isEqualTo("{\"error\":\"not found\"}");
    }
  }

  @Test
  @DisplayName("a path under /notifications that names no route is 404, even without a token")
  void unknownPath() {
    for (String path :
        List.of(
            BASE + "/unread", BASE + "/read/all", BASE + "/n-1", "/v1/workspaces//notifications")) {
      assertThat(api.get(path, null).status()).as(path).isEqualTo(404);
    }
  }

  @Test
  @DisplayName("another method is 405 naming the one allowed, before the token is looked at")
  void wrongMethod() {
    TestApi.Answer postList = api.post(BASE, null, "{}");
    assertThat(postList.status()).isEqualTo(405);
    assertThat(postList.header("Allow")).isEqualTo("GET");
    assertThat(api.send("DELETE", BASE + "/unread-count", null, null).status()).isEqualTo(405);
    TestApi.Answer getRead = api.get(BASE + "/read", token());
    assertThat(getRead.status()).isEqualTo(405);
    assertThat(getRead.header("Allow")).isEqualTo("POST");
    assertNothingMarked();
  }
}
