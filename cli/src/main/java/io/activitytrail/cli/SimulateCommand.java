package io.activitytrail.cli;

import io.activitytrail.ingest.simulate.HelpdeskSimulator;
import io.activitytrail.ingest.simulate.SimulationReport;
import io.activitytrail.ingest.simulate.SimulatorOptions;
import io.activitytrail.stack.StackConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Write a realistic helpdesk workload (tickets, replies, assignments, status changes, files,"
          + " customers, assets) into the local stack's PostgreSQL.",
      "Stops after --operations or --duration, whichever comes first."
    })
final class SimulateCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--operations",
      defaultValue = "1000",
      description = "Stop after this many operations (default ${DEFAULT-VALUE}).")
  int operations;

  @Option(
      names = "--duration",
      defaultValue = "60s",
      description = "Stop after this long (default ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(
      names = "--rate",
      defaultValue = "20",
      description = "Operations per second (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--seed", description = "Random seed, for a repeatable workload.")
  Long seed;

  @Override
  public Integer call() {
    if (operations < 1 || rate <= 0 || duration.isZero() || duration.isNegative()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--operations, --duration and --rate must be positive");
    }
    SimulationReport report = run(Trail.stackConfig(), operations, duration, rate, seed);
    System.out.printf(
        "%d operations in %.1f s: %s%n",
        report.operations(), report.elapsed().toMillis() / 1000.0, report.byKind());
    return 0;
  }

  static SimulationReport run(
      StackConfig config, int operations, Duration duration, double rate, Long seed) {
    SimulatorOptions options = SimulatorOptions.defaults();
    if (seed != null) {
      options = new SimulatorOptions(options.workspaces(), seed);
    }
    return new HelpdeskSimulator(
            config.postgresJdbcUrl(),
            StackConfig.POSTGRES_USER,
            StackConfig.POSTGRES_PASSWORD,
            options)
        .run(operations, duration, rate);
  }
}
