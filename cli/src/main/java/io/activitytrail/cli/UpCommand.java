package io.activitytrail.cli;

import io.activitytrail.stack.LocalStack;
import io.activitytrail.stack.StackStatus;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Start the local stack (PostgreSQL, Kafka, Kafka Connect with Debezium, Apicurio Registry,"
          + " a mail server (GreenMail: SMTP and IMAP), and the engine: Flink job + embedded"
          + " ClickHouse + HTTP API) and wait until it is ready.",
      "Services already running are kept; state survives restarts. Logs: <TRAIL_HOME>/logs."
    })
final class UpCommand implements Callable<Integer> {

  @Option(
      names = "--timeout",
      defaultValue = "180s",
      description = "How long to wait for the whole stack (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() {
    LocalStack stack = LocalStack.create(Trail.stackConfig()).onProgress(System.out::println);
    StackStatus status = stack.up(timeout);
    StatusCommand.printTable(status, System.out);
    System.out.println();
    System.out.println("Logs: " + status.config().home().resolve("logs"));
    System.out.println("Next: ./trail simulate   then   ./trail feed --workspace acme");
    return 0;
  }
}
