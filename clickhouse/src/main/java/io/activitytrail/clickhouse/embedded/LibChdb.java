package io.activitytrail.clickhouse.embedded;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Where libchdb.so is, and its C API as JNA sees it (chdb.h of chDB 26.7). Handles are opaque
 * pointers; strings go in as UTF-8 byte arrays with explicit lengths (the {@code _n} calls), so the
 * JVM's default charset never matters and values may hold any byte.
 */
public final class LibChdb {

  /** System property naming the library file. */
  public static final String PROPERTY = "trail.chdb.library";

  /** Environment variable naming the library file, when the property is not set. */
  public static final String ENV = "TRAIL_CHDB_LIBRARY";

  private static final ConcurrentHashMap<Path, Api> LOADED = new ConcurrentHashMap<>();

  private LibChdb() {}

  /**
   * The library file: system property {@value #PROPERTY}, else environment {@value #ENV}, else
   * {@code ${TRAIL_HOME:-.trail}/native/libchdb.so}. Fails with the command that installs it.
   */
  public static Path locate() {
    return locate(System::getProperty, System::getenv);
  }

  static Path locate(UnaryOperator<String> properties, UnaryOperator<String> env) {
    String configured = properties.apply(PROPERTY);
    String source = "system property " + PROPERTY;
    if (configured == null || configured.isBlank()) {
      configured = env.apply(ENV);
      source = "environment variable " + ENV;
    }
    Path library;
    if (configured == null || configured.isBlank()) {
      String home = env.apply("TRAIL_HOME");
      library = Path.of(home == null || home.isBlank() ? ".trail" : home, "native", "libchdb.so");
      source = "default location ${TRAIL_HOME:-.trail}/native/libchdb.so";
    } else {
      library = Path.of(configured);
    }
    if (!Files.isRegularFile(library)) {
      throw new IllegalStateException(
          "chDB library not found at "
              + library.toAbsolutePath()
              + " (from the "
              + source
              + "); install it with scripts/fetch-chdb.sh");
    }
    return library.toAbsolutePath().normalize();
  }

  /** Loads the library once per file; later calls return the same binding. */
  static Api load(Path library) {
    Path file = library.toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "chDB library not found at " + file + "; install it with scripts/fetch-chdb.sh");
    }
    return LOADED.computeIfAbsent(file, f -> Native.load(f.toString(), Api.class));
  }

  /** The subset of chdb.h the adapter uses; {@code size_t} is a Java long on 64-bit Linux. */
  interface Api extends Library {
    void chdb_set_signal_handlers_enabled(int enabled);

    Pointer chdb_version();

    /** Returns {@code chdb_connection*}, or NULL when the engine could not start. */
    Pointer chdb_connect(int argc, String[] argv);

    /** Takes the {@code chdb_connection*} that connect returned. */
    void chdb_close_conn(Pointer connectionPointer);

    Pointer chdb_query_n(Pointer conn, byte[] query, long queryLen, byte[] format, long formatLen);

    Pointer chdb_query_with_params_n(
        Pointer conn,
        byte[] query,
        long queryLen,
        byte[] format,
        long formatLen,
        Pointer[] names,
        long[] nameLens,
        Pointer[] values,
        long[] valueLens,
        long count);

    Pointer chdb_result_buffer(Pointer result);

    long chdb_result_length(Pointer result);

    double chdb_result_elapsed(Pointer result);

    long chdb_result_rows_read(Pointer result);

    long chdb_result_bytes_read(Pointer result);

    Pointer chdb_result_error(Pointer result);

    void chdb_destroy_query_result(Pointer result);

    Pointer chdb_stream_insert_n(
        Pointer conn, byte[] query, long queryLen, byte[] format, long formatLen);

    int chdb_stream_append(Pointer stream, byte[] data, long len);

    Pointer chdb_stream_done(Pointer stream);

    Pointer chdb_stream_insert_error(Pointer stream);

    void chdb_destroy_insert_stream(Pointer stream);

    /**
     * Parses {@code sql} with the connection's parser without running it; {@code analysis} is
     * chdb_query_analysis_v1: struct_size (set by the caller), statement_count, flags, query_class.
     */
    int chdb_classify_query_n(
        Pointer conn, byte[] sql, long sqlLen, byte[] database, long databaseLen, int[] analysis);
  }
}
