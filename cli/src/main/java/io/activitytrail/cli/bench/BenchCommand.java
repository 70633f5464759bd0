package io.activitytrail.cli.bench;

import io.activitytrail.cli.bench.queries.QueriesBenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure the running local stack (the JMH benchmarks are in scripts/bench).",
    subcommands = {LatencyCommand.class, QueriesBenchCommand.class})
public final class BenchCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a bench command is required");
  }
}
