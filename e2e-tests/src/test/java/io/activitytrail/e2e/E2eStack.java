package io.activitytrail.e2e;

import io.activitytrail.stack.LocalStack;
import io.activitytrail.stack.StackConfig;
import io.activitytrail.stack.StackPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The local stack as {@code trail up} starts it, in a home of its own under target/ and on ports of
 * its own, so a developer's running stack is left alone.
 */
final class E2eStack {
  private static final StackPorts PORTS =
      new StackPorts(25432, 29092, 29093, 28083, 28081, 29081, 28080);

  private final LocalStack stack;

  private E2eStack(LocalStack stack) {
    this.stack = stack;
  }

  static E2eStack start() {
    Path repo = Path.of(System.getProperty("trail.repo", "..")).toAbsolutePath().normalize();
    Path home = Path.of(System.getProperty("trail.e2e.home", "target/trail-home"));
    LocalStack stack =
        LocalStack.create(new StackConfig(repo, home, PORTS))
            .onProgress(line -> System.out.println("[stack] " + line));
    // A previous run killed mid-way may have left processes: the stack stops them by PID first.
    stack.down();
    stack.up(Duration.ofMinutes(5));
    return new E2eStack(stack);
  }

  String apiUrl() {
    return stack.config().apiUrl();
  }

  Map<String, String> postgres() {
    return Map.of(
        "url", stack.config().postgresJdbcUrl(),
        "user", StackConfig.POSTGRES_USER,
        "password", StackConfig.POSTGRES_PASSWORD);
  }

  /** SIGKILL, as a crash would, then start again and wait until the job runs. */
  void killAndRestartEngine() {
    stack.restart("engine");
  }

  void stop() {
    stack.down();
  }
}
