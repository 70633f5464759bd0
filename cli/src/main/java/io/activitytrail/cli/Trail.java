package io.activitytrail.cli;

import io.activitytrail.stack.StackConfig;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code trail} command. Exit codes: 0 ok, 1 failure, 2 usage error. */
@Command(
    name = "trail",
    mixinStandardHelpOptions = true,
    versionProvider = Trail.Version.class,
    description =
        "Activity Trail: run the local pipeline, write a helpdesk workload, read activities.",
    subcommands = {
      UpCommand.class,
      DownCommand.class,
      StatusCommand.class,
      SimulateCommand.class,
      DemoCommand.class,
      FeedCommand.class,
      TimelineCommand.class,
      AuditCommand.class,
      AlertsCommand.class,
      RulesCommand.class,
      VerifyCommand.class,
      NotificationsCommand.class,
      ExportCommand.class,
      TokenCommand.class,
      ApiCommand.class,
      MigrateCommand.class,
      SqlCommand.class,
      MailCommand.class
    },
    footer = {
      "",
      "Environment: TRAIL_HOME (state folder, default <repo>/.trail), TRAIL_POSTGRES_PORT,"
          + " TRAIL_KAFKA_PORT, TRAIL_KAFKA_CONTROLLER_PORT, TRAIL_CONNECT_PORT, TRAIL_REGISTRY_PORT,"
          + " TRAIL_REGISTRY_MANAGEMENT_PORT, TRAIL_API_PORT, TRAIL_CLICKHOUSE_HTTP_PORT,"
          + " TRAIL_SMTP_PORT, TRAIL_IMAP_PORT, TRAIL_MAIL_API_PORT, TRAIL_JAVA21_HOME.",
      "Exit codes: 0 ok, 1 failure, 2 usage error."
    })
public final class Trail implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for main and for tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Trail());
    // Commands of modules outside the production jars (the benchmarks' `trail bench`), when the
    // launcher put them on the classpath.
    for (Subcommand extra : ServiceLoader.load(Subcommand.class)) {
      cli.addSubcommand(extra);
    }
    cli.setExecutionExceptionHandler(new Failures());
    cli.registerConverter(java.time.Duration.class, new DurationConverter());
    return cli;
  }

  static StackConfig stackConfig() {
    return StackConfig.fromEnvironment(System.getenv());
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Trail.class.getPackage().getImplementationVersion();
      return new String[] {"trail " + (version == null ? "(development build)" : version)};
    }
  }
}
