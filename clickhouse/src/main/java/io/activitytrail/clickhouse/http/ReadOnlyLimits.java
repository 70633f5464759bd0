package io.activitytrail.clickhouse.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one statement on the SQL interface may use. They become settings of the read-only session
 * (with {@code readonly=1}), so ClickHouse enforces them and refuses any attempt to change them.
 *
 * @param maxExecutionTime a statement running longer is stopped (TIMEOUT_EXCEEDED, 159)
 * @param maxMemoryBytes a statement needing more memory is stopped (MEMORY_LIMIT_EXCEEDED, 241)
 * @param maxResultRows a result with more rows is refused (TOO_MANY_ROWS_OR_BYTES, 396)
 * @param maxResultBytes a result with more uncompressed bytes is refused (396): the answer is built
 *     in memory before it is sent
 */
public record ReadOnlyLimits(
    Duration maxExecutionTime, long maxMemoryBytes, long maxResultRows, long maxResultBytes) {

  /** 60 s, 1 GiB, 1,000,000 rows, 256 MiB. */
  public static final ReadOnlyLimits DEFAULTS =
      new ReadOnlyLimits(Duration.ofSeconds(60), 1L << 30, 1_000_000, 256L << 20);

  public ReadOnlyLimits {
    if (maxExecutionTime.isNegative()
        || maxExecutionTime.isZero()
        || maxMemoryBytes <= 0
        || maxResultRows <= 0
        || maxResultBytes <= 0) {
      throw new IllegalArgumentException("every limit must be positive: " + this);
    }
  }

  /** The session's settings: read-only, these limits, and the JSON both adapters read. */
  public Map<String, String> sessionSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("max_execution_time", Long.toString(Math.max(1, maxExecutionTime.toSeconds())));
    settings.put("timeout_overflow_mode", "throw");
    settings.put("max_memory_usage", Long.toString(maxMemoryBytes));
    settings.put("max_result_rows", Long.toString(maxResultRows));
    settings.put("max_result_bytes", Long.toString(maxResultBytes));
    settings.put("result_overflow_mode", "throw");
    // As the project's adapters read JSON: 64-bit integers as numbers.
    settings.put("output_format_json_quote_64bit_integers", "0");
    // Last: from here on the session refuses writes and any change of a setting.
    settings.put("readonly", "1");
    return settings;
  }
}
