package io.activitytrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.api.Activities;
import io.activitytrail.api.Role;
import io.activitytrail.api.TestApi;
import io.activitytrail.clickhouse.TestNotifications;
import io.activitytrail.event.Notification;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** trail notifications against the real API server in-process, as user 5 of acme. */
class NotificationsCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TestApi api;
  private Notification assigned;
  private Notification commented;
  private final StringWriter err = new StringWriter();
  private String out = "";

  @BeforeEach
  void start() {
    api = TestApi.start();
    assigned =
        TestNotifications.inApp(
            Activities.in("acme")
                .type("assigned")
                .changes(Activities.change("assignee_id", "3", "5", false))
                .minute(1)
                .build(),
            "5",
            "assigned");
    commented =
        TestNotifications.inApp(
            Activities.in("acme").type("comment_added").minute(2).build(), "5", "following");
    Notification someoneElses =
        TestNotifications.inApp(
            Activities.in("acme").type("deleted").minute(3).build(), "6", "workspace");
    api.insertNotifications(List.of(assigned, commented, someoneElses));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of("notifications", "--workspace", "acme"));
    all.addAll(List.of(args));
    all.addAll(
        List.of(
            "--api-url",
            "http://127.0.0.1:" + api.port(),
            "--token",
            TestApi.token("acme", Role.member, "5")));
    CommandLine cli = Trail.commandLine();
    cli.setErr(new PrintWriter(err, true));
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      return cli.execute(all.toArray(String[]::new));
    } finally {
      System.setOut(original);
      out = buffer.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  @DisplayName(
      "lists the user's own notifications as a table: unread mark, time, id, reason, actor, type,"
          + " record, changes, then the unread count")
  void table() {
    assertThat(run("--user", "5")).isEqualTo(0);

    List<String> lines = out.lines().toList();
    assertThat(lines.get(0))
        .contains("TIME (UTC)")
        .contains("NOTIFICATION")
        .contains("REASON")
        .contains("ACTOR")
        .contains("CHANGES");
    assertThat(lines.get(1))
        .startsWith("*")
        .contains(commented.getNotificationId())
        .contains("following")
        .contains("comment_added")
        .contains("ticket 42 (#42 Printer on fire)");
    assertThat(lines.get(2)).contains("assigned").contains("assignee_id: 3 -> 5");
    assertThat(out).doesNotContain("deleted").contains("2 unread");
  }

  @Test
  @DisplayName("--limit 1 shows one and the --cursor that continues")
  void paging() {
    assertThat(run("--user", "5", "--limit", "1")).isEqualTo(0);

    assertThat(out).contains(commented.getNotificationId()).contains("more: add --cursor ");
    assertThat(out).doesNotContain(assigned.getNotificationId());
  }

  @Test
  @DisplayName(
      "--read ID marks that one: --unread --json then prints the API's page of the other alone")
  void readIdsThenUnreadJson() throws Exception {
    assertThat(run("--user", "5", "--read", commented.getNotificationId())).isEqualTo(0);
    assertThat(out).contains("marked 1 notification(s) of user 5 read");

    assertThat(run("--user", "5", "--unread", "--json")).isEqualTo(0);
    JsonNode page = JSON.readTree(out);
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.at("/items/0/notification_id").asText())
        .isEqualTo(assigned.getNotificationId());
    assertThat(page.at("/items/0/read").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("--mark-read marks them all: nothing is unread afterwards")
  void markAll() {
    assertThat(run("--user", "5", "--mark-read")).isEqualTo(0);
    assertThat(run("--user", "5", "--unread")).isEqualTo(0);

    assertThat(out).contains("(no unread notifications)").contains("0 unread");
  }

  @Test
  @DisplayName(
      "--mark-read with --read, or with a listing option, is a usage error (exit 2) and marks"
          + " nothing")
  void markingUsage() {
    assertThat(run("--user", "5", "--mark-read", "--read", "x")).isEqualTo(2);
    assertThat(run("--user", "5", "--mark-read", "--unread")).isEqualTo(2);
    assertThat(err.toString()).contains("--mark-read");
    assertThat(run("--user", "5", "--unread")).isEqualTo(0);
    assertThat(out).contains("2 unread");
  }

  @Test
  @DisplayName("a value the API refuses fails with exit 1 naming the parameter")
  void refused() {
    assertThat(run("--user", "5", "--cursor", "not-a-cursor")).isEqualTo(1);
    assertThat(err.toString()).contains("the API refused cursor");
  }
}
