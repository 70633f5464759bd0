package io.activitytrail.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.stack.LocalStack;
import io.activitytrail.stack.ServiceStatus;
import io.activitytrail.stack.StackStatus;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show which services of the local stack run, their PIDs and endpoints.",
      "Exit code 0 whatever the state (1 only when the status cannot be read)."
    })
final class StatusCommand implements Callable<Integer> {

  @Option(names = "--json", description = "Print one JSON object (endpoints and services).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    StackStatus status = LocalStack.create(Trail.stackConfig()).status();
    if (json) {
      System.out.println(new ObjectMapper().writeValueAsString(status.toJson()));
    } else {
      printTable(status, System.out);
    }
    return 0;
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
  }
}
