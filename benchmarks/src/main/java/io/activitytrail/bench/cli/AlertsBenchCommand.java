package io.activitytrail.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.api.ApiSecret;
import io.activitytrail.clickhouse.http.SqlCredentials;
import io.activitytrail.stack.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = {
      "Measure commit-to-alert latency on the running local stack: --rounds brute-force bursts"
          + " (5 failed logins of a fresh account each, the built-in brute_force rule's"
          + " threshold), one every --interval, timed from the write of the fifth.",
      "Creates its own workspace whose owner receives every alert: timed when the SMTP server"
          + " accepted the email (the engine's sent log) and when it is in the owner's inbox"
          + " (IMAP, polled every --poll: an upper bound by one poll)."
    })
public final class AlertsBenchCommand implements Callable<Integer> {
  static final int MAX_ROUNDS = 500;

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--rounds",
      defaultValue = "50",
      description = "Bursts, 1-" + MAX_ROUNDS + " (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--interval",
      defaultValue = "500ms",
      description = "Time between bursts (default ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(
      names = "--poll",
      defaultValue = "100ms",
      description = "IMAP poll interval (default ${DEFAULT-VALUE}).")
  Duration poll;

  @Option(
      names = "--wait",
      defaultValue = "60s",
      description =
          "How long to wait for missing alerts after the last burst (default ${DEFAULT-VALUE}).")
  Duration wait;

  @Option(names = "--json", description = "Print one JSON object instead of the summary.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (rounds < 1 || rounds > MAX_ROUNDS) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--rounds must be from 1 to " + MAX_ROUNDS + ", got " + rounds);
    }
    if (!positive(interval) || !positive(poll) || !positive(wait)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--interval, --poll and --wait must be positive");
    }
    StackConfig config = StackConfig.fromEnvironment(System.getenv());
    Path secret = ApiSecret.file(config.confDir());
    if (!Files.isRegularFile(secret)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "no API secret at " + secret + ": start the local stack first (trail up)");
    }
    SqlCredentials credentials = config.clickHouseHttpCredentials();
    String ws = "abench-" + Long.toString(System.currentTimeMillis(), 36);
    AlertProbe.Result result =
        new AlertProbe(
                new AlertProbe.Settings(
                    config.postgresJdbcUrl(),
                    StackConfig.POSTGRES_USER,
                    StackConfig.POSTGRES_PASSWORD,
                    config.apiUrl(),
                    ApiSecret.read(secret),
                    config.imap(),
                    ws,
                    rounds,
                    interval,
                    poll,
                    wait,
                    credentials == null
                        ? null
                        : new SentLogReader(config.clickHouseHttpUrl(), credentials)))
            .run();
    LatencyStats inbox = LatencyStats.of(result.inbox(), rounds - result.inbox().size());
    LatencyStats accepted =
        result.accepted() == null
            ? null
            : LatencyStats.of(result.accepted(), rounds - result.accepted().size());
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("rounds", rounds);
      out.put("interval_ms", interval.toMillis());
      out.put("workspace", ws);
      out.put("email_in_inbox", inbox.toJson());
      if (accepted != null) {
        out.put("email_accepted_by_smtp", accepted.toJson());
      }
      System.out.println(new ObjectMapper().writeValueAsString(out));
    } else {
      System.out.printf(
          "commit-to-alert latency, %d brute-force bursts one every %d ms (workspace %s):%n",
          rounds, interval.toMillis(), ws);
      if (accepted != null) {
        line("email accepted (SMTP)", accepted);
      }
      line("email in the inbox   ", inbox);
    }
    return inbox.missing() == 0 ? 0 : 1;
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  private static void line(String what, LatencyStats s) {
    System.out.printf(
        "  %s  p50 %s ms  p90 %s ms  p99 %s ms  max %s ms  (%d seen, %d missing)%n",
        what,
        LatencyStats.millis(s.p50()),
        LatencyStats.millis(s.p90()),
        LatencyStats.millis(s.p99()),
        LatencyStats.millis(s.max()),
        s.observed(),
        s.missing());
  }
}
