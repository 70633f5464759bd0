package io.activitytrail.e2e;

import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.embedded.EmbeddedClickHouse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Changes the engine's stopped store as someone with access to its files could: statements run on
 * the embedded ClickHouse in a process of their own, because chDB keeps a store locked until the
 * process that opened it exits.
 */
final class StoreTamper {

  private StoreTamper() {}

  /** Runs the statements in a child JVM on the store at {@code path}; fails when it does. */
  static void run(Path library, Path path, List<String> statements) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StoreTamper.class.getName());
    command.add(library.toString());
    command.add(path.toString());
    command.addAll(statements);
    try {
      Process process = new ProcessBuilder(command).inheritIO().start();
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new AssertionError("tampering with the store failed: " + statements);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot start the tampering process", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  public static void main(String[] args) {
    try (ClickHouse ch = EmbeddedClickHouse.open(Path.of(args[0]), Path.of(args[1]))) {
      for (int i = 2; i < args.length; i++) {
        ch.execute(args[i]);
      }
    }
    System.exit(0);
  }
}
