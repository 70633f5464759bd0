package io.activitytrail.clickhouse.embedded;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide chDB engine on one storage path. chDB runs one engine per process and one
 * process per path, and a connection handle used after close crashes the JVM, so this class owns
 * the only connection, serializes every call on it and refuses calls once closed.
 */
final class ChdbEngine {

  private static final Logger LOG = LoggerFactory.getLogger(ChdbEngine.class);

  private static ChdbEngine current;

  private final LibChdb.Api api;
  private final Path dataDir;
  private final ChdbConnection primary;
  private final List<ChdbConnection> others = new ArrayList<>();

  private ChdbEngine(LibChdb.Api api, Path dataDir, Pointer connectionPointer) {
    this.api = api;
    this.dataDir = dataDir;
    this.primary = new ChdbConnection(api, "primary on " + dataDir, connectionPointer);
  }

  /**
   * The engine on {@code dataDir}, started on first use; another path in this process is refused.
   */
  static synchronized ChdbEngine open(Path library, Path dataDir) {
    Path dir = dataDir.toAbsolutePath().normalize();
    if (current != null && current.isOpen()) {
      if (!current.dataDir.equals(dir)) {
        throw new IllegalStateException(
            "chDB is already open on "
                + current.dataDir
                + " in this process and allows one storage path per process; cannot also open "
                + dir);
      }
      return current;
    }
    LibChdb.Api api = LibChdb.load(library);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create chDB storage folder " + dir, e);
    }
    // chDB's own signal handlers make the JVM die with SIGSEGV: they must be off before connecting.
    api.chdb_set_signal_handlers_enabled(0);
    String[] argv = {
      "clickhouse", "--path=" + dir, "--output_format_json_quote_64bit_integers=0",
    };
    Pointer conn = api.chdb_connect(argv.length, argv);
    if (conn == null || conn.getPointer(0) == null) {
      throw new IllegalStateException(
          "chDB could not open storage path "
              + dir
              + ": another process may hold it (is the engine or another test JVM running?);"
              + " chDB wrote the reason to standard error");
    }
    ChdbEngine engine = new ChdbEngine(api, dir, conn);
    current = engine;
    Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "chdb-close"));
    LOG.info("chDB {} open on {}", api.chdb_version().getString(0), dir);
    return engine;
  }

  Path dataDir() {
    return dataDir;
  }

  boolean isOpen() {
    return primary.isOpen();
  }

  /** Runs {@code sql} and returns the output in {@code format}. */
  byte[] query(String sql, String format, Map<String, String> escapedParams) {
    return primary.query(sql, format, escapedParams).output();
  }

  /**
   * Streams {@code data} into {@code insertStatement} ({@code INSERT INTO t (cols)}, no FORMAT).
   */
  void insert(String insertStatement, String format, byte[] data) {
    primary.insert(insertStatement, format, data);
  }

  /**
   * Another connection to this engine, with a session of its own: {@code settings} apply to it only
   * (chDB applies query-level settings given to connect to that connection, as a SET would), so a
   * read-only session can sit beside the writer's.
   */
  synchronized ChdbConnection connectAnother(String label, Map<String, String> settings) {
    if (!isOpen()) {
      throw new IllegalStateException("chDB on " + dataDir + " is closed");
    }
    List<String> argv = new ArrayList<>(List.of("clickhouse", "--path=" + dataDir));
    settings.forEach((name, value) -> argv.add("--" + name + "=" + value));
    Pointer conn = api.chdb_connect(argv.size(), argv.toArray(String[]::new));
    if (conn == null || conn.getPointer(0) == null) {
      throw new IllegalStateException(
          "chDB refused another connection on " + dataDir + " with settings " + settings);
    }
    ChdbConnection connection = new ChdbConnection(api, label, conn);
    others.add(connection);
    return connection;
  }

  /** Closes the connections; the engine refuses every call afterwards instead of crashing. */
  synchronized void close() {
    if (primary.isOpen()) {
      others.forEach(ChdbConnection::close);
      primary.close();
      LOG.info("chDB closed on {}", dataDir);
    }
  }
}
