package io.activitytrail.clickhouse.sink;

import io.activitytrail.clickhouse.ClickHouseException;
import java.io.IOException;
import java.io.Serializable;

/**
 * Where the sink sends a row ClickHouse refused for what it holds (see {@link
 * ClickHouseException#refusesRows}), so that one bad row neither stops the job nor is lost. The
 * normalizer's implementation writes it to the dead-letter topic.
 */
public interface RefusedRowReporter<T> extends AutoCloseable {

  /**
   * Records the refused row and ClickHouse's reason (message and code). Returns only once the
   * report is durable: the sink's flush, and so the checkpoint, waits for it. A report that cannot
   * be made throws, and the write fails with it (the row is never only logged).
   */
  void report(T row, ClickHouseException reason) throws IOException;

  @Override
  default void close() throws IOException {}

  /** Creates a reporter in each sink writer; shipped to the task managers with the sink. */
  @FunctionalInterface
  interface Factory<T> extends Serializable {
    RefusedRowReporter<T> create() throws IOException;
  }
}
