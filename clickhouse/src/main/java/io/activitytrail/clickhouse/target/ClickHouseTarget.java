package io.activitytrail.clickhouse.target;

import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.SqlIdentifiers;
import io.activitytrail.clickhouse.embedded.EmbeddedClickHouse;
import io.activitytrail.clickhouse.server.ServerClickHouse;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach ClickHouse: embedded chDB on a storage path, or a server URL. Serializable so a
 * Flink sink can carry it to its task managers, which connect there.
 */
public final class ClickHouseTarget implements Serializable {

  private static final long serialVersionUID = 1L;

  private enum Kind {
    EMBEDDED,
    SERVER
  }

  private final Kind kind;
  // Paths are kept as text: java.nio.file.Path is not Serializable.
  private final String library;
  private final String dataDir;
  private final String url;
  private final String user;
  private final String password;
  private final String database;

  private ClickHouseTarget(
      Kind kind,
      String library,
      String dataDir,
      String url,
      String user,
      String password,
      String database) {
    this.kind = kind;
    this.library = library;
    this.dataDir = dataDir;
    this.url = url;
    this.user = user;
    this.password = password;
    this.database = SqlIdentifiers.require(database, "database");
  }

  /** chDB in this process, loaded from {@code library}, storing under {@code dataDir}. */
  public static ClickHouseTarget embedded(Path library, Path dataDir, String database) {
    return new ClickHouseTarget(
        Kind.EMBEDDED,
        library.toAbsolutePath().normalize().toString(),
        dataDir.toAbsolutePath().normalize().toString(),
        null,
        null,
        null,
        database);
  }

  /** A ClickHouse server over HTTP, e.g. {@code http://localhost:8123}. */
  public static ClickHouseTarget server(String url, String user, String password, String database) {
    return new ClickHouseTarget(
        Kind.SERVER,
        null,
        null,
        Objects.requireNonNull(url, "url"),
        Objects.requireNonNull(user, "user"),
        password,
        database);
  }

  /** The database holding the project's tables. */
  public String database() {
    return database;
  }

  /**
   * Embedded: a handle on the process-wide chDB engine for the storage path (closing the handle
   * keeps the engine running). Server: a new client, closed with the returned instance.
   */
  public ClickHouse connect() {
    return switch (kind) {
      case EMBEDDED -> EmbeddedClickHouse.open(Path.of(library), Path.of(dataDir));
      case SERVER -> ServerClickHouse.connect(url, user, password, database);
    };
  }

  /** Where it points, for logs and status output (no password). */
  @Override
  public String toString() {
    return switch (kind) {
      case EMBEDDED -> "chdb:" + dataDir + " database=" + database;
      case SERVER -> url + " user=" + user + " database=" + database;
    };
  }
}
