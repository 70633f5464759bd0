package io.activitytrail.stack;

/**
 * The engine process of the local stack (embedded ClickHouse, the normalizer job in a Flink
 * MiniCluster, the HTTP API), started by {@code trail up}; stops cleanly on SIGTERM.
 */
public final class EngineMain {
  private EngineMain() {}

  public static void main(String[] args) throws Exception {
    Engine.runUntilTerminated(StackConfig.fromEnvironment(System.getenv()));
  }
}
