package io.activitytrail.cli;

import io.activitytrail.clickhouse.Page;
import io.activitytrail.ingest.simulate.SimulationReport;
import io.activitytrail.stack.Deadline;
import io.activitytrail.stack.LocalStack;
import io.activitytrail.stack.StackConfig;
import io.activitytrail.stack.StackException;
import io.activitytrail.stack.mail.DeliveredMail;
import io.activitytrail.stack.mail.MailboxException;
import io.activitytrail.stack.mail.MailboxReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start the local stack, write a short helpdesk workload, and show the activities it"
          + " produced: a workspace feed and one ticket's timeline; then how many notification"
          + " emails the stack's mail server received, and one of them.",
      "Emails wait for a recipient's 10 s quiet period (an assignment goes out at once): the demo"
          + " waits up to --mail-wait for the first. None arriving is reported as a warning, not"
          + " a failure: exit code 0 whenever the stack started and the activities were shown, 1"
          + " otherwise."
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

  @Option(
      names = "--mail-wait",
      defaultValue = "30s",
      description = "How long to wait for the first notification email (default ${DEFAULT-VALUE}).")
  Duration mailWait;

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
    showMail(config);
    System.out.println();
    showAlerts(config);
    System.out.println();
    System.out.println("Next: ./trail feed --workspace " + workspace + " --json");
    System.out.println(
        "      ./trail timeline --workspace "
            + workspace
            + " ticket "
            + ticket
            + "   ./trail mail   ./trail simulate --duration 5m   ./trail down");
    return 0;
  }

  /**
   * The notification emails so far and one of them. A missing email is printed as a warning and
   * does not fail the demo: the activities above are its subject, and the mail server may simply be
   * slower than the wait on a loaded machine ({@code trail mail} shows it later).
   */
  private void showMail(StackConfig config) throws InterruptedException {
    System.out.println(
        "== notification emails (the stack's mail server, as ./trail mail reads it)");
    List<DeliveredMail> all;
    try {
      MailboxReader mail = MailCommand.localStack(config);
      if (mail.all(1).isEmpty()) {
        System.out.printf(
            "   waiting up to %d s for the first: a recipient's changes go out after 10 s without"
                + " another (an assignment at once)%n",
            mailWait.toSeconds());
        Deadline wait = Deadline.after(mailWait);
        while (mail.all(1).isEmpty() && !wait.expired()) {
          Thread.sleep(MAIL_POLL.toMillis());
        }
      }
      all = mail.all(MailCommand.MAX_LIMIT);
    } catch (MailboxException | StackException e) {
      System.out.println("   WARNING: the mail server could not be read: " + e.getMessage());
      return;
    }
    Optional<DeliveredMail> shown = DemoMail.pick(all);
    if (shown.isEmpty()) {
      System.out.printf(
          "   WARNING: no notification email arrived within %d s of the activities; the engine's"
              + " log (.trail/logs/engine.log) says why mail was not sent, ./trail mail shows"
              + " what arrives later%n",
          mailWait.toSeconds());
      return;
    }
    System.out.println(
        "   " + DemoMail.summary(all) + " so far (more follow as batches go quiet); one of them:");
    System.out.println();
    DemoMail.print(shown.get(), System.out, DemoMail.MAX_BODY_LINES);
  }

  /**
   * The alert emails of the run's brute-force bursts and role changes, and one of them; like mail,
   * none is a warning, not a failure.
   */
  private void showAlerts(StackConfig config) throws InterruptedException {
    System.out.println("== alerts (the built-in rules: brute force, privilege escalation, ...)");
    List<DeliveredMail> alerts;
    try {
      MailboxReader mail = MailCommand.localStack(config);
      Deadline wait = Deadline.after(ALERT_WAIT);
      alerts = DemoMail.alerts(mail.all(MailCommand.MAX_LIMIT));
      while (alerts.isEmpty() && !wait.expired()) {
        Thread.sleep(MAIL_POLL.toMillis());
        alerts = DemoMail.alerts(mail.all(MailCommand.MAX_LIMIT));
      }
    } catch (MailboxException | StackException e) {
      System.out.println("   WARNING: the mail server could not be read: " + e.getMessage());
      return;
    }
    if (alerts.isEmpty()) {
      System.out.printf(
          "   WARNING: no alert email within %d s: this run's traffic met no rule (a burst of"
              + " failed logins or an agent made admin does); ./trail rules --workspace <ws>"
              + " shows the rules%n",
          ALERT_WAIT.toSeconds());
      return;
    }
    DeliveredMail shown = alerts.get(0);
    System.out.printf("   %d alert emails so far; one of them:%n%n", alerts.size());
    DemoMail.print(shown, System.out, DemoMail.MAX_BODY_LINES);
    DemoMail.workspaceOf(shown)
        .ifPresent(
            ws -> {
              System.out.println();
              System.out.println(
                  "   the workspace's alerts: ./trail alerts --workspace "
                      + ws
                      + "   its rules: ./trail rules --workspace "
                      + ws);
            });
  }

  private static final Duration ALERT_WAIT = Duration.ofSeconds(15);

  private static final Duration MAIL_POLL = Duration.ofSeconds(1);

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
