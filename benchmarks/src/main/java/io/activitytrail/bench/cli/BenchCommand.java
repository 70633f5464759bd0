package io.activitytrail.bench.cli;

import io.activitytrail.bench.queries.QueriesBenchCommand;
import io.activitytrail.cli.Subcommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure the running local stack (the JMH benchmarks are in scripts/bench).",
    subcommands = {
      LatencyCommand.class,
      QueriesBenchCommand.class,
      NotificationsBenchCommand.class,
      EmailWindowCommand.class,
      AlertsBenchCommand.class
    })
public final class BenchCommand implements Runnable, Subcommand {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a bench command is required");
  }
}
