package io.activitytrail.cli;

import io.activitytrail.clickhouse.Page;
import io.activitytrail.ingest.simulate.SimulationReport;
import io.activitytrail.stack.Deadline;
import io.activitytrail.stack.LocalStack;
import io.activitytrail.stack.StackConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start the local stack, write a short helpdesk workload, and show the activities it"
          + " produced: a workspace feed and one ticket's timeline."
    })
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--operations", defaultValue = "300", description = "Default: ${DEFAULT-VALUE}.")
  int operations;

  @Option(names = "--duration", defaultValue = "30s", description = "Default: ${DEFAULT-VALUE}.")
  Duration duration;

  @Option(
      names = "--timeout",
      defaultValue = "180s",
      description = "Start-up timeout (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Mixin ActivityReader reader;

  @Override
  public Integer call() throws Exception {
    StackConfig config = Trail.stackConfig();
    System.out.println("== starting the local stack");
    LocalStack.create(config).onProgress(line -> System.out.println("   " + line)).up(timeout);

    System.out.printf("== writing %d helpdesk operations (at most %s)%n", operations, duration);
    SimulationReport report = SimulateCommand.run(config, operations, duration, 20, null);
    System.out.printf("   %d operations: %s%n", report.operations(), report.byKind());

    String workspace = busiestWorkspace(config);
    System.out.println("== waiting for the activities of workspace " + workspace);
    Deadline deadline = Deadline.after(Duration.ofSeconds(90));
    int[] seen = {-1};
    // Settled when two reads a second apart agree: the pipeline has caught up.
    deadline.await(
        "activities of " + workspace + " queryable",
        () -> {
          int now = reader.feed(workspace, Page.MAX_LIMIT).size();
          boolean settled = now > 0 && now == seen[0];
          seen[0] = now;
          Thread.sleep(800);
          return settled;
        });

    System.out.println();
    System.out.println("== newest activities of workspace " + workspace);
    ActivityTable.print(reader.feed(workspace, 20), System.out);

    String ticket = busiestTicket(config, workspace);
    if (ticket != null) {
      System.out.println();
      System.out.println("== timeline of ticket " + ticket);
      List<Map<String, Object>> timeline =
          reader.timeline(workspace, "ticket", ticket, Page.DEFAULT_LIMIT);
      ActivityTable.print(timeline, System.out);
    }
    System.out.println();
    System.out.println("Next: ./trail feed --workspace " + workspace + " --json");
    System.out.println(
        "      ./trail timeline --workspace "
            + workspace
            + " ticket "
            + ticket
            + "   ./trail simulate --duration 5m   ./trail down");
    return 0;
  }

  private static String busiestWorkspace(StackConfig config) throws Exception {
    return single(
        config,
        "SELECT workspace_id FROM helpdesk.tickets GROUP BY workspace_id ORDER BY count(*) DESC,"
            + " workspace_id LIMIT 1",
        null);
  }

  private static String busiestTicket(StackConfig config, String workspace) throws Exception {
    return single(
        config,
        "SELECT t.id::text FROM helpdesk.tickets t LEFT JOIN helpdesk.ticket_messages m ON"
            + " m.ticket_id = t.id WHERE t.workspace_id = ? GROUP BY t.id ORDER BY count(m.id)"
            + " DESC, t.updated_at DESC LIMIT 1",
        workspace);
  }

  private static String single(StackConfig config, String sql, String parameter) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                config.postgresJdbcUrl(),
                StackConfig.POSTGRES_USER,
                StackConfig.POSTGRES_PASSWORD);
        PreparedStatement s = c.prepareStatement(sql)) {
      if (parameter != null) {
        s.setString(1, parameter);
      }
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("the simulator wrote no tickets: " + sql);
        }
        return rs.getString(1);
      }
    }
  }
}
