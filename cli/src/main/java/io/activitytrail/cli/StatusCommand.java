package io.activitytrail.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.stack.LocalStack;
import io.activitytrail.stack.ServiceId;
import io.activitytrail.stack.ServiceStatus;
import io.activitytrail.stack.StackStatus;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show which services of the local stack run, their PIDs and endpoints, and how many records"
          + " the dead-letter topic holds.",
      "Exit code 0 whatever the state (1 only when the status cannot be read)."
    })
final class StatusCommand implements Callable<Integer> {

  @Option(names = "--json", description = "Print one JSON object (endpoints and services).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    StackStatus status = LocalStack.create(Trail.stackConfig()).status();
    DeadLetters deadLetters = deadLetters(status);
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>(status.toJson());
      out.put("dead_letters", deadLetters.count());
      if (deadLetters.error() != null) {
        out.put("dead_letters_error", deadLetters.error());
      }
      System.out.println(new ObjectMapper().writeValueAsString(out));
    } else {
      printTable(status, System.out);
      System.out.println(
          "dead letters: "
              + (deadLetters.count() != null
                  ? deadLetters.count() + " in " + DeadLetterCount.TOPIC
                  : "unknown (" + deadLetters.error() + ")"));
    }
    return 0;
  }

  /** The count, or null with the reason when Kafka is stopped or does not answer. */
  record DeadLetters(Long count, String error) {}

  static DeadLetters deadLetters(StackStatus status) {
    if (!status.service(ServiceId.KAFKA).running()) {
      return new DeadLetters(null, "kafka is not running");
    }
    try {
      return new DeadLetters(DeadLetterCount.query(status.config().kafkaBootstrap()), null);
    } catch (Exception e) {
      return new DeadLetters(null, "cannot read " + DeadLetterCount.TOPIC + ": " + e);
    }
  }

  static void printTable(StackStatus status, PrintStream out) {
    out.printf("%-9s %-8s %-8s %s%n", "SERVICE", "STATE", "PID", "ENDPOINT");
    for (ServiceStatus s : status.services()) {
      out.printf(
          "%-9s %-8s %-8s %s%n",
          s.service().key(),
          s.running() ? "running" : "stopped",
          s.pid().isPresent() ? Long.toString(s.pid().getAsLong()) : "-",
          s.endpoint());
    }
    out.println("clickhouse: embedded at " + status.config().clickHousePath() + " (engine)");
    out.println(
        "mail: smtp "
            + status.config().smtp()
            + ", imap "
            + status.config().imap()
            + " (user name and password: the address; trail mail lists what arrived)");
    out.println(
        "metrics: "
            + status.config().pipelineMetricsUrl()
            + " (pipeline), "
            + status.config().apiMetricsUrl()
            + " (api)");
  }
}
