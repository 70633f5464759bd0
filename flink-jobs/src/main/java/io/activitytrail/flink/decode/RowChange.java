package io.activitytrail.flink.decode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One committed row change.
 *
 * @param connector Debezium's logical server name (topic prefix)
 * @param before column values before the change; empty for creates and snapshot reads
 * @param after column values after the change; empty for deletes
 * @param commitTimeMillis source.ts_ms, the commit time
 * @param txOrder the change's position in its transaction (total_order), null outside one
 * @param dbUser the database user when the source block names one
 */
public record RowChange(
    String connector,
    String schema,
    String table,
    Op op,
    LinkedHashMap<String, ColumnValue> before,
    LinkedHashMap<String, ColumnValue> after,
    long commitTimeMillis,
    Long lsn,
    String transactionId,
    Long txOrder,
    String dbUser,
    SourceRef source)
    implements Decoded {

  public String qualifiedTable() {
    return schema + "." + table;
  }

  /** The row as it is after the change, or as it was for a delete. */
  public LinkedHashMap<String, ColumnValue> current() {
    return op == Op.DELETE ? before : after;
  }

  /**
   * The current row, with columns PostgreSQL did not resend (unchanged TOAST) taken from before.
   */
  public Map<String, ColumnValue> currentWithUnsentFromBefore() {
    Map<String, ColumnValue> row = new LinkedHashMap<>(current());
    row.replaceAll(
        (column, value) -> value.isUnavailable() ? before.getOrDefault(column, value) : value);
    return row;
  }
}
