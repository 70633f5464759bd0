package io.activitytrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.api.Activities;
import io.activitytrail.api.Caller;
import io.activitytrail.api.Role;
import io.activitytrail.api.TestApi;
import io.activitytrail.api.TokenVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** feed, timeline, audit and token against the real API server in-process. */
class ReadCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestApi api;
  private static String statusChanged;

  private final StringWriter err = new StringWriter();
  private String out = "";

  @BeforeAll
  static void start() {
    api = TestApi.start();
    Activities.Spec status =
        Activities.in("acme")
            .type("status_changed")
            .minute(2)
            .changes(Activities.change("status", "open", "solved", false));
    statusChanged = status.id();
    api.insert(
        List.of(
            Activities.in("acme").type("created").minute(1).build(),
            status.build(),
            Activities.in("acme").audit("login_failed").minute(3).build()));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private int run(Role role, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--api-url", "http://127.0.0.1:" + api.port(), "--token", TestApi.token("acme", role)));
    return runRaw(all.toArray(String[]::new));
  }

  private int runRaw(String... args) {
    CommandLine cli = Trail.commandLine();
    cli.setErr(new PrintWriter(err, true));
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      return cli.execute(args);
    } finally {
      System.setOut(original);
      out = buffer.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  @DisplayName("feed --type status_changed --json prints the API's page")
  void feedJson() throws Exception {
    assertThat(
            run(Role.member, "feed", "--workspace", "acme", "--type", "status_changed", "--json"))
        .isEqualTo(0);
    JsonNode page = JSON.readTree(out);
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("items").get(0).get("event_id").asText()).isEqualTo(statusChanged);
  }

  @Test
  @DisplayName("feed --field status --new solved asks the API for the changes to that value only")
  void feedByFieldChange() throws Exception {
    assertThat(
            run(
                Role.member,
                "feed",
                "--workspace",
                "acme",
                "--field",
                "status",
                "--new",
                "solved",
                "--json"))
        .isEqualTo(0);
    JsonNode page = JSON.readTree(out);
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("items").get(0).get("event_id").asText()).isEqualTo(statusChanged);

    assertThat(
            run(Role.member, "feed", "--workspace", "acme", "--field", "status", "--old", "solved"))
        .isEqualTo(0);
    assertThat(out).doesNotContain("status_changed");
  }

  @Test
  @DisplayName("feed prints a table and, when there is more, the --cursor to ask for it")
  void feedTableWithCursor() {
    assertThat(run(Role.member, "feed", "--workspace", "acme", "--limit", "1")).isEqualTo(0);
    assertThat(out)
        .contains("TIME (UTC)")
        .contains("status_changed")
        .contains("more: add --cursor ");
  }

  @Test
  @DisplayName("timeline --order desc lists the ticket's events newest first")
  void timeline() {
    assertThat(
            run(Role.member, "timeline", "--workspace", "acme", "ticket", "42", "--order", "desc"))
        .isEqualTo(0);
    assertThat(out.indexOf("status_changed")).isLessThan(out.indexOf("created"));
  }

  @Test
  @DisplayName("audit shows failed logins to an admin and refuses a member with exit 1")
  void audit() {
    assertThat(run(Role.admin, "audit", "--workspace", "acme", "--outcome", "failure"))
        .isEqualTo(0);
    assertThat(out).contains("login_failed");
    assertThat(run(Role.member, "audit", "--workspace", "acme")).isEqualTo(1);
    assertThat(err.toString()).contains("not allowed");
  }

  @Test
  @DisplayName("a value the API refuses fails with exit 1 naming the parameter")
  void refusedFilter() {
    assertThat(run(Role.admin, "feed", "--workspace", "acme", "--record-type", "spaceship"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("the API refused record_type");
  }

  @Test
  @DisplayName("token --secret-file prints a token the matching verifier accepts")
  void token(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret"), "0123456789abcdef0123456789abcdef-x");
    assertThat(
            runRaw(
                "token",
                "--secret-file",
                secret.toString(),
                "--workspace",
                "acme",
                "--role",
                "auditor",
                "--user",
                "9",
                "--ttl",
                "15m"))
        .isEqualTo(0);
    Caller caller =
        TokenVerifier.hs256(Files.readString(secret).trim().getBytes(StandardCharsets.UTF_8))
            .verify("Bearer " + out.trim());
    assertThat(caller).isEqualTo(new Caller("9", "acme", Role.auditor));
  }

  @Test
  @DisplayName("token with an unknown role is a usage error listing the roles")
  void tokenRole() {
    assertThat(runRaw("token", "--workspace", "acme", "--role", "owner", "--user", "9"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("member, admin, auditor");
  }

  @Test
  @DisplayName("api needs exactly one of --jwt-secret-file and --jwt-public-key")
  void apiNeedsOneKey() {
    assertThat(runRaw("api", "--clickhouse-url", "http://127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString()).contains("--jwt-secret-file").contains("--jwt-public-key");
  }
}
