package io.activitytrail.clickhouse;

import io.activitytrail.clickhouse.embedded.EmbeddedClickHouse;
import io.activitytrail.clickhouse.embedded.LibChdb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The embedded ClickHouse of this test JVM: one storage path per process (chDB's rule), created
 * once in a temp folder; tests isolate themselves with a fresh database name each.
 */
public final class TestClickHouse {

  private static Path dataDir;

  private TestClickHouse() {}

  /** A handle on this JVM's engine; close it freely, the engine stays up. */
  public static synchronized EmbeddedClickHouse open() {
    if (dataDir == null) {
      try {
        // Under target/ so `mvn clean` removes it; one folder per test JVM.
        Path target = Files.createDirectories(Path.of("target"));
        dataDir = Files.createTempDirectory(target, "chdb-test-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return EmbeddedClickHouse.open(LibChdb.locate(), dataDir);
  }

  /** The storage path of this JVM's engine. */
  public static synchronized Path dataDir() {
    open().close();
    return dataDir;
  }

  /** A database name no other test uses. */
  public static String freshDatabase() {
    return "t_" + UUID.randomUUID().toString().replace("-", "");
  }
}
