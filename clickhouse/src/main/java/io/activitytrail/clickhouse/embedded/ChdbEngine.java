package io.activitytrail.clickhouse.embedded;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.activitytrail.clickhouse.ClickHouseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  private static final int OK = 0;

  private static ChdbEngine current;

  private final LibChdb.Api api;
  private final Path dataDir;
  // chdb_connection*: queries take the chdb_connection it points to, close takes the pointer
  // itself.
  private Pointer connectionPointer;

  private ChdbEngine(LibChdb.Api api, Path dataDir, Pointer connectionPointer) {
    this.api = api;
    this.dataDir = dataDir;
    this.connectionPointer = connectionPointer;
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

  synchronized boolean isOpen() {
    return connectionPointer != null;
  }

  /** Runs {@code sql} and returns the output in {@code format}. */
  synchronized byte[] query(String sql, String format, Map<String, String> escapedParams) {
    Pointer conn = connection();
    byte[] q = utf8(sql);
    byte[] f = utf8(format);
    Pointer result;
    if (escapedParams.isEmpty()) {
      result = api.chdb_query_n(conn, q, q.length, f, f.length);
    } else {
      int n = escapedParams.size();
      Pointer[] names = new Pointer[n];
      long[] nameLens = new long[n];
      Pointer[] values = new Pointer[n];
      long[] valueLens = new long[n];
      int i = 0;
      for (Map.Entry<String, String> p : escapedParams.entrySet()) {
        byte[] name = utf8(p.getKey());
        byte[] value = utf8(p.getValue());
        names[i] = copy(name);
        nameLens[i] = name.length;
        values[i] = copy(value);
        valueLens[i] = value.length;
        i++;
      }
      result =
          api.chdb_query_with_params_n(
              conn, q, q.length, f, f.length, names, nameLens, values, valueLens, n);
      // The native memory behind the parameters must outlive the call.
      Reference.reachabilityFence(names);
      Reference.reachabilityFence(values);
    }
    return takeResult(result, sql);
  }

  /**
   * Streams {@code data} into {@code insertStatement} ({@code INSERT INTO t (cols)}, no FORMAT).
   */
  synchronized void insert(String insertStatement, String format, byte[] data) {
    Pointer conn = connection();
    byte[] q = utf8(insertStatement);
    byte[] f = utf8(format);
    Pointer stream = api.chdb_stream_insert_n(conn, q, q.length, f, f.length);
    if (stream == null) {
      throw new ClickHouseException(
          "chDB refused to start " + insertStatement, ClickHouseException.NO_CODE, false, null);
    }
    try {
      failOnStreamError(stream, insertStatement);
      if (api.chdb_stream_append(stream, data, data.length) != OK) {
        failOnStreamError(stream, insertStatement);
        throw new ClickHouseException(
            "chDB stopped accepting rows for " + insertStatement,
            ClickHouseException.NO_CODE,
            false,
            null);
      }
      takeResult(api.chdb_stream_done(stream), insertStatement);
      failOnStreamError(stream, insertStatement);
    } finally {
      // Cancels the insert when it was not finished; required on every path.
      api.chdb_destroy_insert_stream(stream);
    }
  }

  /** Closes the connection; the engine refuses every call afterwards instead of crashing. */
  synchronized void close() {
    if (connectionPointer != null) {
      api.chdb_close_conn(connectionPointer);
      connectionPointer = null;
      LOG.info("chDB closed on {}", dataDir);
    }
  }

  private Pointer connection() {
    if (connectionPointer == null) {
      throw new IllegalStateException("chDB on " + dataDir + " is closed");
    }
    return connectionPointer.getPointer(0);
  }

  private byte[] takeResult(Pointer result, String statement) {
    if (result == null) {
      throw new ClickHouseException(
          "chDB returned no result for: " + abbreviate(statement),
          ClickHouseException.NO_CODE,
          false,
          null);
    }
    try {
      Pointer error = api.chdb_result_error(result);
      if (error != null) {
        String message = error.getString(0, "UTF-8");
        if (!message.isEmpty()) {
          throw ClickHouseException.fromMessage(
              "chDB failed on: " + abbreviate(statement), message);
        }
      }
      long length = api.chdb_result_length(result);
      if (length == 0) {
        return new byte[0];
      }
      return api.chdb_result_buffer(result).getByteArray(0, Math.toIntExact(length));
    } finally {
      api.chdb_destroy_query_result(result);
    }
  }

  private void failOnStreamError(Pointer stream, String statement) {
    Pointer error = api.chdb_stream_insert_error(stream);
    if (error != null) {
      String message = error.getString(0, "UTF-8");
      if (!message.isEmpty()) {
        throw ClickHouseException.fromMessage("chDB failed on: " + statement, message);
      }
    }
  }

  private static Memory copy(byte[] bytes) {
    Memory memory = new Memory(Math.max(1, bytes.length));
    memory.write(0, bytes, 0, bytes.length);
    return memory;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String abbreviate(String sql) {
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }
}
