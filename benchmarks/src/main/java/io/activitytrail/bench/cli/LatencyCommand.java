package io.activitytrail.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.api.ApiSecret;
import io.activitytrail.api.ApiTokens;
import io.activitytrail.api.Role;
import io.activitytrail.stack.LocalStack;
import io.activitytrail.stack.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "latency",
    mixinStandardHelpOptions = true,
    description = {
      "Measure commit-to-queryable latency on the running local stack: commit --changes single-row"
          + " ticket updates at --rate, each with a unique marker, and time each until the ticket's"
          + " timeline (engine HTTP API) shows it.",
      "Creates its own workspace (plan business) and ticket. Also prints the stack's memory."
    })
public final class LatencyCommand implements Callable<Integer> {
  static final int MAX_CHANGES = 10_000;

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--changes",
      defaultValue = "200",
      description = "Updates to commit and time, 1-" + MAX_CHANGES + " (default ${DEFAULT-VALUE}).")
  int changes;

  @Option(
      names = "--rate",
      defaultValue = "5/s",
      converter = Rate.Converter.class,
      description = "Commits per second: 5/s, 120/min (at most 100/s; default ${DEFAULT-VALUE}).")
  Rate rate;

  @Option(
      names = "--wait",
      defaultValue = "60s",
      description =
          "How long to wait for the remaining markers after the last commit, and for the first"
              + " ticket to appear (default ${DEFAULT-VALUE}).")
  Duration wait;

  @Option(
      names = "--poll",
      defaultValue = "50ms",
      description = "Timeline poll interval: the figures' resolution (default ${DEFAULT-VALUE}).")
  Duration poll;

  @Option(
      names = "--workspace",
      description = "Id of the workspace to create (default bench-<time>); must not exist yet.")
  String workspace;

  @Option(
      names = "--token",
      description =
          "Bearer token for the API (default: minted for the bench workspace with the local"
              + " stack's secret).")
  String token;

  @Option(names = "--json", description = "Print one JSON object instead of the summary.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    validate();
    StackConfig config = StackConfig.fromEnvironment(System.getenv());
    String ws =
        workspace != null ? workspace : "bench-" + Long.toString(System.currentTimeMillis(), 36);
    LatencyProbe.Result result =
        new LatencyProbe(
                new LatencyProbe.Settings(
                    config.postgresJdbcUrl(),
                    StackConfig.POSTGRES_USER,
                    StackConfig.POSTGRES_PASSWORD,
                    config.apiUrl(),
                    token != null ? token : localToken(config, ws),
                    ws,
                    changes,
                    rate,
                    poll,
                    wait))
            .run();
    LatencyStats stats = LatencyStats.of(result.latencies(), result.missing());
    StackMemory memory = StackMemory.of(LocalStack.create(config).status());
    if (json) {
      System.out.println(new ObjectMapper().writeValueAsString(toJson(result, stats, memory)));
    } else {
      print(result, stats, memory);
    }
    return stats.missing() == 0 ? 0 : 1;
  }

  void validate() {
    if (changes < 1 || changes > MAX_CHANGES) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--changes must be from 1 to " + MAX_CHANGES + ", got " + changes);
    }
    if (wait.isNegative() || wait.isZero() || poll.isNegative() || poll.isZero()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--wait and --poll must be positive");
    }
    if (workspace != null && !workspace.matches("[a-z0-9][a-z0-9-]{0,62}")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--workspace must be lowercase letters, digits and dashes (at most 63), got '"
              + workspace
              + "'");
    }
  }

  /** A member token for the bench workspace, when the stack has a local API secret. */
  private static String localToken(StackConfig config, String ws) {
    Path secret = ApiSecret.file(config.confDir());
    if (!Files.isRegularFile(secret)) {
      return null;
    }
    return ApiTokens.mint(
        ApiSecret.read(secret), "trail-bench", ws, Role.member, Duration.ofHours(1), Instant.now());
  }

  private Map<String, Object> toJson(
      LatencyProbe.Result result, LatencyStats stats, StackMemory memory) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("changes", changes);
    json.put("rate_per_s", rate.perSecond());
    json.put("poll_interval_ms", poll.toMillis());
    json.put("workspace", result.workspace());
    json.put("ticket_id", result.ticketId());
    json.putAll(stats.toJson());
    json.putAll(memory.toJson());
    return json;
  }

  private void print(LatencyProbe.Result result, LatencyStats stats, StackMemory memory) {
    System.out.printf(
        "commit-to-queryable latency, %d single-row updates at %s (workspace %s, ticket %s):%n",
        changes, rate, result.workspace(), result.ticketId());
    if (stats.observed() > 0) {
      System.out.printf(
          "  min %.1f ms   median %.1f ms   p90 %.1f ms   p99 %.1f ms   max %.1f ms%n",
          LatencyStats.millis(stats.min()),
          LatencyStats.millis(stats.p50()),
          LatencyStats.millis(stats.p90()),
          LatencyStats.millis(stats.p99()),
          LatencyStats.millis(stats.max()));
    }
    System.out.printf(
        "  %d seen, %d never appeared within %d s of the last commit (polled every %d ms)%n",
        stats.observed(), stats.missing(), wait.toSeconds(), poll.toMillis());
    StringBuilder each = new StringBuilder();
    memory
        .services()
        .forEach(
            (name, u) ->
                each.append(
                    String.format(" %s %d/%d", name, u.rssKib() / 1024, u.peakKib() / 1024)));
    System.out.printf(
        "stack memory: RSS %d MiB now, %d MiB peak (MiB now/peak:%s)%n",
        memory.totalRssKib() / 1024, memory.totalPeakKib() / 1024, each);
  }
}
