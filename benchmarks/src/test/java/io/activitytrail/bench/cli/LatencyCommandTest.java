package io.activitytrail.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.cli.Trail;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LatencyCommandTest {
  private final StringWriter err = new StringWriter();

  private LatencyCommand parse(String... args) {
    CommandLine trail = Trail.commandLine();
    CommandLine.ParseResult result = trail.parseArgs(args);
    return (LatencyCommand) result.subcommand().subcommand().commandSpec().userObject();
  }

  /** Runs the command line up to validation only: these cases never reach the stack. */
  private int execute(String... args) {
    CommandLine trail = Trail.commandLine();
    trail.setErr(new PrintWriter(err, true));
    return trail.execute(args);
  }

  @Test
  @DisplayName(
      "defaults: 200 changes at 5/s, 60 s wait, 50 ms polls, a generated workspace, a table")
  void defaults() {
    LatencyCommand command = parse("bench", "latency");

    assertThat(command.changes).isEqualTo(200);
    assertThat(command.rate).isEqualTo(new Rate(5));
    assertThat(command.wait).isEqualTo(Duration.ofSeconds(60));
    assertThat(command.poll).isEqualTo(Duration.ofMillis(50));
    assertThat(command.workspace).isNull();
    assertThat(command.json).isFalse();
  }

  @Test
  @DisplayName("--changes, --rate, --wait, --workspace and --json are read as given")
  void options() {
    LatencyCommand command =
        parse(
            "bench",
            "latency",
            "--changes",
            "50",
            "--rate",
            "120/min",
            "--wait",
            "30s",
            "--workspace",
            "bench-a",
            "--json");

    assertThat(command.changes).isEqualTo(50);
    assertThat(command.rate.perSecond()).isEqualTo(2);
    assertThat(command.wait).isEqualTo(Duration.ofSeconds(30));
    assertThat(command.workspace).isEqualTo("bench-a");
    assertThat(command.json).isTrue();
  }

  @Test
  @DisplayName("a malformed rate is a usage error (exit 2) naming the option")
  void badRate() {
    assertThat(execute("bench", "latency", "--rate", "fast")).isEqualTo(2);
    assertThat(err.toString()).contains("--rate").contains("fast");
  }

  @Test
  @DisplayName("--changes outside 1..10000 is a usage error before anything is written")
  void badChanges() {
    assertThat(execute("bench", "latency", "--changes", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--changes must be from 1 to 10000, got 0");
  }

  @Test
  @DisplayName("a workspace id the schema would refuse is a usage error")
  void badWorkspace() {
    assertThat(execute("bench", "latency", "--workspace", "Bench A")).isEqualTo(2);
    assertThat(err.toString()).contains("--workspace");
  }
}
