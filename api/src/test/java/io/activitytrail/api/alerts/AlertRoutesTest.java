package io.activitytrail.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activitytrail.api.Activities;
import io.activitytrail.api.Role;
import io.activitytrail.api.TestApi;
import io.activitytrail.event.ActivityEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The alerts route over the real API server and embedded ClickHouse, in its own workspace. */
class AlertRoutesTest {
  private static final String WS = "alerting";
  private static final String PATH = "/v1/workspaces/" + WS + "/alerts";

  private static TestApi api;
  private static ActivityEvent bruteForce;
  private static ActivityEvent escalation;
  private static final List<String> failedLogins = new ArrayList<>();

  @BeforeAll
  static void start() {
    api = TestApi.start();
    List<ActivityEvent> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ActivityEvent login = Activities.in(WS).audit("login_failed").actor("9").minute(i).build();
      failedLogins.add(login.getEventId());
      events.add(login);
    }
    bruteForce =
        alert("builtin:brute_force", "brute_force", "high", 5, String.join(",", failedLogins));
    ActivityEvent roleChange =
        Activities.in(WS).audit("role_changed").record("team_member", "9").minute(10).build();
    escalation =
        alert(
            "builtin:privilege_escalation",
            "privilege_escalation",
            "critical",
            11,
            roleChange.getEventId());
    events.add(roleChange);
    events.add(bruteForce);
    events.add(escalation);
    // another workspace's alert of the same rule: never listed here
    events.add(
        Activities.in("elsewhere")
            .audit("alert_fired")
            .record("alert_rule", "builtin:brute_force")
            .details(Map.of("severity", "high", "event_ids", failedLogins.get(0)))
            .minute(6)
            .build());
    api.insert(events);
  }

  private static ActivityEvent alert(
      String ruleId, String rule, String severity, int minute, String eventIds) {
    return Activities.in(WS)
        .audit("alert_fired")
        .record("alert_rule", ruleId)
        .actor(null)
        .details(
            Map.of(
                "rule_id", ruleId,
                "rule_name", rule,
                "severity", severity,
                "event_ids", eventIds))
        .minute(minute)
        .build();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static List<String> ids(TestApi.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    answer.json().get("items").forEach(i -> ids.add(i.get("event_id").asText()));
    return ids;
  }

  private static String admin() {
    return TestApi.token(WS, Role.admin);
  }

  @Test
  @DisplayName(
      "an admin lists the workspace's alerts newest first, each with its matching events in commit order")
  void listsAlertsWithTheirEvents() {
    TestApi.Answer answer = api.get(PATH, admin());

    assertThat(ids(answer)).containsExactly(escalation.getEventId(), bruteForce.getEventId());
    JsonNode brute = answer.json().get("items").get(1);
    assertThat(brute.get("details").get("rule_name").asText()).isEqualTo("brute_force");
    List<String> matching = new ArrayList<>();
    brute.get("matching_events").forEach(e -> matching.add(e.get("event_id").asText()));
    assertThat(matching).containsExactlyElementsOf(failedLogins);
    assertThat(answer.json().get("next_cursor").isNull()).isTrue();
  }

  @Test
  @DisplayName("rule and severity filter the alerts; limit and cursor page through them")
  void filtersAndPages() {
    assertThat(ids(api.get(PATH + "?rule=builtin:brute_force", admin())))
        .containsExactly(bruteForce.getEventId());
    assertThat(ids(api.get(PATH + "?severity=critical", admin())))
        .containsExactly(escalation.getEventId());
    assertThat(ids(api.get(PATH + "?severity=low", admin()))).isEmpty();

    TestApi.Answer first = api.get(PATH + "?limit=1", admin());
    assertThat(ids(first)).containsExactly(escalation.getEventId());
    String cursor = first.json().get("next_cursor").asText();
    assertThat(ids(api.get(PATH + "?limit=1&cursor=" + cursor, admin())))
        .containsExactly(bruteForce.getEventId());
  }

  @Test
  @DisplayName(
      "a member gets 403, another workspace's token 404, an unknown severity or parameter 400, no token 401")
  void checks() {
    assertThat(api.get(PATH, TestApi.token(WS, Role.member)).status()).isEqualTo(403);
    assertThat(api.get(PATH, TestApi.token("elsewhere", Role.admin)).status()).isEqualTo(404);
    assertThat(ids(api.get(PATH, TestApi.token(WS, Role.auditor)))).hasSize(2);
    TestApi.Answer severity = api.get(PATH + "?severity=urgent", admin());
    assertThat(severity.status()).isEqualTo(400);
    assertThat(severity.body()).contains("unknown severity 'urgent'");
    assertThat(api.get(PATH + "?type=login_failed", admin()).status()).isEqualTo(400);
    assertThat(api.get(PATH + "?from=yesterday", admin()).status()).isEqualTo(400);
    assertThat(api.get(PATH, null).status()).isEqualTo(401);
    assertThat(api.send("POST", PATH, admin(), "{}").status()).isEqualTo(405);
  }

  @Test
  @DisplayName(
      "the served OpenAPI document names the alerts route with GET only and exactly the query parameters it accepts")
  void openApi() {
    JsonNode doc = api.get("/openapi.json", null).json();
    JsonNode path = doc.get("paths").get(AlertRoutes.TEMPLATE);
    assertThat(path.fieldNames()).toIterable().containsExactly("get");
    Set<String> names = new HashSet<>();
    for (JsonNode p : path.get("get").get("parameters")) {
      JsonNode resolved = p.has("$ref") ? doc.at(p.get("$ref").asText().substring(1)) : p;
      if (resolved.get("in").asText().equals("query")) {
        names.add(resolved.get("name").asText());
      }
    }
    assertThat(names).isEqualTo(AlertRoutes.PARAMETERS);
  }
}
