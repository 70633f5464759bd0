package io.activitytrail.cli;

import io.activitytrail.stack.LocalStack;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(
    name = "down",
    mixinStandardHelpOptions = true,
    description = {
      "Stop every service of the local stack, newest first (SIGTERM, then SIGKILL after 20 s).",
      "Only processes whose command line carries this stack's marker are signalled. Data is kept."
    })
final class DownCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    LocalStack stack = LocalStack.create(Trail.stackConfig()).onProgress(System.out::println);
    stack.down();
    System.out.println("stack stopped (data kept in " + stack.config().home() + ")");
    return 0;
  }
}
