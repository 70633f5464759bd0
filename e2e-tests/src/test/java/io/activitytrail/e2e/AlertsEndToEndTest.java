package io.activitytrail.e2e;

import static io.activitytrail.e2e.PlatformDb.exec;
import static io.activitytrail.e2e.PlatformDb.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activitytrail.api.Role;
import io.activitytrail.ingest.context.TrailContext;
import io.activitytrail.schemas.context.ActorContext;
import io.activitytrail.schemas.context.ActorType;
import io.activitytrail.schemas.context.AuditEvent;
import io.activitytrail.schemas.context.Channel;
import io.activitytrail.stack.mail.DeliveredMail;
import io.activitytrail.stack.mail.MailboxReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Alert rules on the real stack: failed logins sent as the platform sends them ({@code
 * trail.emit_event}), role changes and ticket deletions committed to PostgreSQL, a workspace rule
 * written to {@code helpdesk.alert_rules}; the alerts read back as emails from the stack's SMTP
 * server (over IMAP) and as {@code alert_fired} events from the audit log. Each address is of this
 * run, so the assertions count every email it ever got.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class AlertsEndToEndTest {
  private static final Duration WITHIN = Duration.ofSeconds(90);

  private E2eStack stack;
  private TrailApi api;
  private MailboxReader mail;
  private String ws;
  private String run;
  private final Map<String, Long> users = new LinkedHashMap<>();
  private int nextTicketNumber = 1;

  @BeforeAll
  void setUp() throws SQLException {
    stack = E2eStack.shared();
    api = new TrailApi(stack.apiUrl());
    mail = stack.mail();
    run = UUID.randomUUID().toString().substring(0, 8);
    ws = "e2e-alerts-" + run;
    try (Connection c = tx()) {
      TrailContext.emit(c, ActorContext.builder(ActorType.SYSTEM).channel(Channel.SYSTEM).build());
      exec(
          c,
          "insert into helpdesk.workspaces (id, name, plan, retention_days)"
              + " values (?, 'Alerts', 'business', 365)",
          ws);
      for (String name : List.of("ines", "olga", "bo", "cy", "dee", "eve", "fay", "gus", "hal")) {
        String role = name.equals("ines") ? "owner" : name.equals("olga") ? "admin" : "agent";
        users.put(
            name,
            id(
                c,
                "insert into helpdesk.users (workspace_id, email, name, role, password_hash)"
                    + " values (?, ?, ?, ?, 'x') returning id",
                ws,
                email(name),
                capitalized(name),
                role));
      }
      c.commit();
    }
  }

  @Order(1)
  @Test
  @DisplayName(
      "4 failed logins of one account send nothing; the 5th sends one alert email to the owner and"
          + " the admin; 10 more within the suppression send nothing more")
  void bruteForce() throws Exception {
    for (int i = 0; i < 4; i++) {
      loginFailed("bo", "203.0.113.7");
    }
    awaitAudit(events -> count(events, "login_failed", "bo") == 4, "bo's 4 failed logins");
    TrailApi.sleep(2_000); // the alerts operator is a step behind the store
    assertThat(alertEmails("ines")).as("after 4 failed logins").isEmpty();

    loginFailed("bo", "203.0.113.7");

    for (String admin : List.of("ines", "olga")) {
      DeliveredMail alert = awaitOne(admin, m -> m.subject().contains("brute_force"));
      assertThat(alert.subject())
          .contains("Alert high: brute_force, actor " + users.get("bo") + ": 5 events in 10 min");
      assertThat(alert.text())
          .contains("login_failed")
          .contains("by Bo from 203.0.113.7")
          .contains("audit?actor=" + users.get("bo"));
      assertThat(alert.header("X-Trail-Alert-Rule")).contains("builtin:brute_force");
    }
    JsonNode fired =
        awaitAudit(
                events -> alerts(events, "brute_force").size() == 1, "the brute_force alert event")
            .stream()
            .filter(e -> isAlert(e, "brute_force"))
            .findFirst()
            .orElseThrow();
    assertThat(fired.path("details").path("count").asText()).isEqualTo("5");
    assertThat(fired.path("details").path("event_ids").asText().split(",")).hasSize(5);
    assertThat(memberFeedTypes()).as("a member's feed").doesNotContain("alert_fired");

    for (int i = 0; i < 10; i++) {
      loginFailed("bo", "203.0.113.7");
    }
    awaitAudit(events -> count(events, "login_failed", "bo") == 15, "bo's 15 failed logins");
    TrailApi.sleep(3_000);
    assertThat(alertEmails("ines")).as("the owner's alerts after 10 more").hasSize(1);
    assertThat(alerts(api.audit(ws), "brute_force")).hasSize(1);
  }

  @Order(2)
  @Test
  @DisplayName(
      "failed logins for 5 different accounts from one ip fire the spraying rule, grouped by the"
          + " ip; no account reaches brute force")
  void passwordSpraying() throws Exception {
    for (String who : List.of("cy", "dee", "eve", "fay", "gus")) {
      loginFailed(who, "198.51.100.23");
    }

    DeliveredMail alert = awaitOne("olga", m -> m.subject().contains("password_spraying"));
    assertThat(alert.subject()).contains("ip 198.51.100.23: 5 distinct actors in 10 min");
    for (String who : List.of("cy", "dee", "eve", "fay", "gus")) {
      String account = "brute_force, actor " + users.get(who) + ":";
      assertThat(alertEmails("olga"))
          .as("brute force alerts for %s, who failed once", who)
          .noneMatch(m -> m.subject().contains(account));
    }
  }

  @Order(3)
  @Test
  @DisplayName(
      "an agent made admin fires privilege escalation at once, naming the old and new role and"
          + " who changed it")
  void privilegeEscalation() throws Exception {
    asUser(
        "ines",
        c -> exec(c, "update helpdesk.users set role = 'admin' where id = ?", users.get("dee")));

    DeliveredMail alert = awaitOne("olga", m -> m.subject().contains("privilege_escalation"));
    assertThat(alert.subject()).contains("Alert critical");
    assertThat(alert.text()).contains("role: agent -> admin").contains("by Ines");
    // the role change is an audit event and a feed activity: it must count once
    TrailApi.sleep(3_000);
    assertThat(alertEmails("olga"))
        .filteredOn(m -> m.subject().contains("privilege_escalation"))
        .hasSize(1);
    assertThat(alerts(api.audit(ws), "privilege_escalation")).hasSize(1);
  }

  @Order(4)
  @Test
  @DisplayName(
      "a workspace rule written to the database fires to its own address; disabled, it stops"
          + " firing within seconds")
  void workspaceRuleAndDisabling() throws Exception {
    String security = "security-" + run + "@alerts.test";
    long rule =
        asUserReturning(
            "ines",
            c ->
                id(
                    c,
                    "insert into helpdesk.alert_rules (workspace_id, name, filter, threshold,"
                        + " window_seconds, group_by, suppress_seconds, severity, recipients,"
                        + " created_by) values (?, 'ticket deletions', ?::jsonb, 2, 60, 'none', 0,"
                        + " 'low', ?::jsonb, ?) returning id",
                    ws,
                    "{\"type\": \"deleted\", \"record_type\": \"ticket\"}",
                    "[\"" + security + "\"]",
                    users.get("ines")));
    List<Long> tickets = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      tickets.add(newTicket("To delete " + i));
    }
    // the rule's own change, then two deletions in commit order after it
    deleteTicket(tickets.get(0));
    deleteTicket(tickets.get(1));

    List<DeliveredMail> fired =
        mail.awaitMessages(security, 1, WITHIN).stream()
            .filter(m -> m.subject().contains("ticket deletions"))
            .toList();
    assertThat(fired).hasSize(1);
    assertThat(fired.get(0).subject()).contains("Alert low: ticket deletions, the whole workspace");

    asUser(
        "ines", c -> exec(c, "update helpdesk.alert_rules set enabled = false where id = ?", rule));
    deleteTicket(tickets.get(2));
    deleteTicket(tickets.get(3));
    awaitAudit(
        events ->
            events.stream()
                .anyMatch(
                    e ->
                        e.path("type").asText().equals("alert_rule_changed")
                            && e.path("changes").toString().contains("enabled")),
        "the rule's change");
    TrailApi.sleep(5_000);
    assertThat(mail.messages(security)).as("emails after the rule was disabled").hasSize(1);
  }

  @Order(5)
  @Test
  @DisplayName(
      "kill -9 of the engine in the middle of a window: the alert still fires, once, with all 5"
          + " failed logins")
  void sigkillMidWindow() throws Exception {
    for (int i = 0; i < 3; i++) {
      loginFailed("hal", "192.0.2.77");
    }
    awaitAudit(events -> count(events, "login_failed", "hal") == 3, "hal's 3 failed logins");
    stack.killAndRestartEngine();
    for (int i = 0; i < 2; i++) {
      loginFailed("hal", "192.0.2.77");
    }

    String actor = "actor " + users.get("hal") + ":";
    awaitOne("ines", m -> m.subject().contains("brute_force") && m.subject().contains(actor));
    TrailApi.sleep(E2eStack.EMAIL_QUIET_PERIOD.toMillis() * 2); // a copy sent twice comes now
    List<DeliveredMail> hals =
        alertEmails("ines").stream().filter(m -> m.subject().contains(actor)).toList();
    assertThat(hals).hasSize(1);
    assertThat(hals.get(0).subject()).contains("5 events in 10 min");
  }

  // --- the platform's writes ------------------------------------------------------------------

  private interface Work {
    void run(Connection c) throws SQLException;
  }

  private interface Query {
    long run(Connection c) throws SQLException;
  }

  private void loginFailed(String who, String ip) throws SQLException {
    try (Connection c = db()) {
      TrailContext.emitEvent(
          c,
          AuditEvent.builder(AuditEvent.LOGIN_FAILED, ws, Instant.now())
              .actor(ActorType.USER, Long.toString(users.get(who)), capitalized(who))
              .ip(ip)
              .reason("wrong_password")
              .build());
    }
  }

  private void asUser(String name, Work work) throws SQLException {
    asUserReturning(
        name,
        c -> {
          work.run(c);
          return 0;
        });
  }

  private long asUserReturning(String name, Query query) throws SQLException {
    try (Connection c = tx()) {
      TrailContext.emit(
          c, ActorContext.user(Long.toString(users.get(name)), capitalized(name)).build());
      long result = query.run(c);
      c.commit();
      return result;
    }
  }

  private long newTicket(String subject) throws SQLException {
    return asUserReturning(
        "bo",
        c ->
            id(
                c,
                "insert into helpdesk.tickets (workspace_id, number, subject) values (?, ?, ?)"
                    + " returning id",
                ws,
                nextTicketNumber++,
                subject));
  }

  private void deleteTicket(long ticket) throws SQLException {
    asUser("bo", c -> exec(c, "delete from helpdesk.tickets where id = ?", ticket));
  }

  // --- reading alerts -------------------------------------------------------------------------

  private List<DeliveredMail> alertEmails(String who) {
    return mail.messages(email(who)).stream()
        .filter(m -> m.header("X-Trail-Alert-Id").isPresent())
        .toList();
  }

  private DeliveredMail awaitOne(String who, Predicate<DeliveredMail> which) {
    Instant deadline = Instant.now().plus(WITHIN);
    List<DeliveredMail> inbox = List.of();
    while (Instant.now().isBefore(deadline)) {
      inbox = alertEmails(who);
      if (inbox.stream().anyMatch(which)) {
        List<DeliveredMail> matching = inbox.stream().filter(which).toList();
        assertThat(matching).as("%s's alert emails matching", who).hasSize(1);
        return matching.get(0);
      }
      TrailApi.sleep(500);
    }
    throw new AssertionError(
        "timed out after "
            + WITHIN
            + " waiting for "
            + who
            + "'s alert email; subjects: "
            + inbox.stream().map(DeliveredMail::subject).toList());
  }

  private List<JsonNode> awaitAudit(Predicate<List<JsonNode>> done, String what) {
    Instant deadline = Instant.now().plus(WITHIN);
    List<JsonNode> last = List.of();
    while (Instant.now().isBefore(deadline)) {
      last = api.audit(ws);
      if (done.test(last)) {
        return last;
      }
      TrailApi.sleep(250);
    }
    throw new AssertionError("timed out waiting for " + what + "; audit log: " + last.size());
  }

  private long count(List<JsonNode> events, String type, String who) {
    String actor = Long.toString(users.get(who));
    return events.stream()
        .filter(e -> e.path("type").asText().equals(type))
        .filter(e -> e.path("actor").path("id").asText().equals(actor))
        .count();
  }

  private static boolean isAlert(JsonNode event, String rule) {
    return event.path("type").asText().equals("alert_fired")
        && event.path("details").path("rule_name").asText().equals(rule);
  }

  private static List<JsonNode> alerts(List<JsonNode> events, String rule) {
    return events.stream().filter(e -> isAlert(e, rule)).toList();
  }

  private List<String> memberFeedTypes() {
    TrailApi.Answer answer =
        api.send(
            "GET",
            "/v1/workspaces/" + ws + "/activities?limit=500",
            TrailApi.bearer(ws, Role.member));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<String> types = new ArrayList<>();
    answer.json().path("items").forEach(e -> types.add(e.path("type").asText()));
    return types;
  }

  private String email(String name) {
    return name + "-" + run + "@alerts.test";
  }

  private static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  // --- JDBC -------------------------------------------------------------------------------------

  private Connection db() throws SQLException {
    return PlatformDb.connect(stack);
  }

  private Connection tx() throws SQLException {
    return PlatformDb.transaction(stack);
  }
}
