package io.activitytrail.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.bench.cli.NotificationPlan.Kind;
import io.activitytrail.cli.Trail;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@DisplayName("trail bench notifications")
class NotificationsBenchCommandTest {
  private final StringWriter err = new StringWriter();

  private NotificationsBenchCommand parse(String... args) {
    CommandLine.ParseResult result = Trail.commandLine().parseArgs(args);
    return (NotificationsBenchCommand) result.subcommand().subcommand().commandSpec().userObject();
  }

  private int execute(String... args) {
    CommandLine trail = Trail.commandLine();
    trail.setErr(new PrintWriter(err, true));
    return trail.execute(args);
  }

  @Test
  @DisplayName("defaults: 100 assignments at 5/s, 90 s wait, 100 ms polls, a table")
  void defaults() {
    NotificationsBenchCommand command = parse("bench", "notifications");
    assertThat(command.changes).isEqualTo(100);
    assertThat(command.rate).isEqualTo(new Rate(5));
    assertThat(command.kind).isEqualTo(Kind.ASSIGN);
    assertThat(command.wait).isEqualTo(Duration.ofSeconds(90));
    assertThat(command.poll).isEqualTo(Duration.ofMillis(100));
    assertThat(command.workspace).isNull();
    assertThat(command.json).isFalse();
  }

  @Test
  @DisplayName("takes --kind comment, and refuses other kinds, counts and workspaces (exit 2)")
  void validates() {
    assertThat(parse("bench", "notifications", "--kind", "comment").kind).isEqualTo(Kind.COMMENT);
    assertThat(execute("bench", "notifications", "--kind", "status")).isEqualTo(2);
    assertThat(err.toString()).contains("--kind must be assign or comment, got 'status'");
    assertThat(execute("bench", "notifications", "--changes", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--changes must be from 1 to 2000");
    assertThat(execute("bench", "notifications", "--workspace", "Bad_Name")).isEqualTo(2);
    assertThat(execute("bench", "notifications", "--poll", "0s")).isEqualTo(2);
  }

  @Test
  @DisplayName("says the email figure holds the quiet period for comments, not for assignments")
  void emailNote() {
    assertThat(NotificationsBenchCommand.emailNote(Kind.ASSIGN, "10 s"))
        .contains("at once")
        .contains("no quiet period");
    assertThat(NotificationsBenchCommand.emailNote(Kind.COMMENT, "10 s"))
        .contains("includes the quiet period (10 s)");
  }
}
