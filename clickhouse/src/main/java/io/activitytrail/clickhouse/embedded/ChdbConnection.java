package io.activitytrail.clickhouse.embedded;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.activitytrail.clickhouse.ClickHouseException;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One chDB connection: its own session (settings, current database) on the process-wide engine. A
 * connection handle used after close crashes the JVM, so every call is serialized here and refused
 * once closed.
 */
final class ChdbConnection {

  private static final int OK = 0;
  private static final byte[] FLUSH_QUERY = utf8("SELECT 1");
  private static final byte[] FLUSH_FORMAT = utf8("Null");

  private final LibChdb.Api api;
  private final String label;
  // chdb_connection*: queries take the chdb_connection it points to, close takes the pointer
  // itself.
  private Pointer connectionPointer;

  ChdbConnection(LibChdb.Api api, String label, Pointer connectionPointer) {
    this.api = api;
    this.label = label;
    this.connectionPointer = connectionPointer;
  }

  synchronized boolean isOpen() {
    return connectionPointer != null;
  }

  /** Runs {@code sql} and returns its output in {@code format} with the engine's counters. */
  synchronized ChdbResult query(String sql, String format, Map<String, String> escapedParams) {
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

  /** What ClickHouse's parser says {@code sql} is, without running it. */
  synchronized StatementKind classify(String sql) {
    byte[] q = utf8(sql);
    int[] analysis = {16, 0, 0, 0};
    if (api.chdb_classify_query_n(connection(), q, q.length, null, 0, analysis) != OK) {
      throw new ClickHouseException(
          "chDB could not classify: " + abbreviate(sql), ClickHouseException.NO_CODE, false, null);
    }
    return new StatementKind(analysis[1], StatementKind.Kind.of(analysis[3]));
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

  /** Closes the connection; it refuses every call afterwards instead of crashing. */
  synchronized void close() {
    if (connectionPointer != null) {
      api.chdb_close_conn(connectionPointer);
      connectionPointer = null;
    }
  }

  private Pointer connection() {
    if (connectionPointer == null) {
      throw new IllegalStateException("chDB connection " + label + " is closed");
    }
    return connectionPointer.getPointer(0);
  }

  private ChdbResult takeResult(Pointer result, String statement) {
    if (result == null) {
      throw new ClickHouseException(
          "chDB returned no result for: " + abbreviate(statement),
          ClickHouseException.NO_CODE,
          false,
          null);
    }
    String failure = null;
    try {
      Pointer error = api.chdb_result_error(result);
      if (error != null) {
        String message = error.getString(0, "UTF-8");
        if (!message.isEmpty()) {
          failure = message;
        }
      }
      if (failure == null) {
        long length = api.chdb_result_length(result);
        byte[] output =
            length == 0
                ? new byte[0]
                : api.chdb_result_buffer(result).getByteArray(0, Math.toIntExact(length));
        return new ChdbResult(
            output,
            api.chdb_result_rows_read(result),
            api.chdb_result_bytes_read(result),
            api.chdb_result_elapsed(result));
      }
    } finally {
      api.chdb_destroy_query_result(result);
    }
    discardLeftOutput();
    throw ClickHouseException.fromMessage("chDB failed on: " + abbreviate(statement), failure);
  }

  /**
   * chDB 26.7 keeps what a failed statement had already written (a format's header, the rows before
   * a limit) and returns it in front of the next statement's output: measured, a TSVWithNames
   * header of a query refused for its size came back before the next query's rows. A throwaway
   * statement takes that output, so the next caller reads only its own.
   */
  private void discardLeftOutput() {
    Pointer flushed =
        api.chdb_query_n(
            connection(), FLUSH_QUERY, FLUSH_QUERY.length, FLUSH_FORMAT, FLUSH_FORMAT.length);
    if (flushed != null) {
      api.chdb_destroy_query_result(flushed);
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

  static String abbreviate(String sql) {
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }
}
