package io.activitytrail.cli;

import io.activitytrail.stack.Engine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Runs one JVM service of the local stack in the foreground; {@code trail up} starts these. */
@Command(
    name = "service",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Run a service of the local stack in the foreground (used by trail up).",
    subcommands = {ServiceCommand.EngineService.class})
final class ServiceCommand {

  @Command(
      name = "engine",
      mixinStandardHelpOptions = true,
      description =
          "The engine: embedded ClickHouse, the normalizer job in a Flink MiniCluster, the HTTP"
              + " API. Stops cleanly on SIGTERM.")
  static final class EngineService implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      Engine.runUntilTerminated(Trail.stackConfig());
      return 0;
    }
  }
}
