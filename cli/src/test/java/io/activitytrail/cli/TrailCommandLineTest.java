package io.activitytrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrailCommandLineTest {

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Trail.commandLine();
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }

  @Test
  @DisplayName("an unknown command is a usage error: exit code 2")
  void unknownCommand() {
    assertThat(run("bogus")).isEqualTo(2);
    assertThat(err.toString()).contains("bogus");
  }

  @Test
  @DisplayName("feed without --workspace is a usage error naming the option")
  void feedNeedsWorkspace() {
    assertThat(run("feed")).isEqualTo(2);
    assertThat(err.toString()).contains("--workspace");
  }

  @Test
  @DisplayName("notifications without --user is a usage error naming the option")
  void notificationsNeedUser() {
    assertThat(run("notifications", "--workspace", "acme")).isEqualTo(2);
    assertThat(err.toString()).contains("--user");
  }

  @Test
  @DisplayName("timeline needs a record type and an id")
  void timelineNeedsRecord() {
    assertThat(run("timeline", "--workspace", "acme", "ticket")).isEqualTo(2);
    assertThat(err.toString()).contains("<id>");
  }

  @Test
  @DisplayName("--help works on every command and exits 0")
  void helpEverywhere() {
    for (String command :
        new String[] {
          "up",
          "down",
          "status",
          "simulate",
          "demo",
          "feed",
          "timeline",
          "audit",
          "notifications",
          "token",
          "api",
          "migrate",
          "sql",
          "mail"
        }) {
      assertThat(run(command, "--help")).as(command).isEqualTo(0);
    }
  }

  @Test
  @DisplayName("durations read as 500ms, 30s, 3m, 1h or ISO-8601; anything else is a usage error")
  void durations() {
    DurationConverter converter = new DurationConverter();
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("180s")).isEqualTo(Duration.ofSeconds(180));
    assertThat(converter.convert("3m")).isEqualTo(Duration.ofMinutes(3));
    assertThat(converter.convert("PT1H")).isEqualTo(Duration.ofHours(1));
    assertThat(run("up", "--timeout", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("'soon' is not a duration");
  }

  @Test
  @DisplayName("feed --limit outside 1-500 is a usage error before anything is read")
  void feedLimit() {
    assertThat(run("feed", "--workspace", "acme", "--limit", "0")).isEqualTo(2);
  }
}
