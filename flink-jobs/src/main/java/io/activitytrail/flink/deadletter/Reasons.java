package io.activitytrail.flink.deadletter;

import io.activitytrail.clickhouse.sink.PipelineMetrics.Reason;
import io.activitytrail.flink.decode.DecodeException;
import io.activitytrail.flink.decode.UnmappedTableException;

/** The class of cause of a dead letter, for the {@code reason} label of its metric. */
public final class Reasons {
  private Reasons() {}

  public static Reason of(Throwable error) {
    if (error instanceof UnmappedTableException) {
      return Reason.UNMAPPED_TABLE;
    }
    if (error instanceof DecodeException) {
      return Reason.INVALID_RECORD;
    }
    return Reason.UNEXPECTED;
  }
}
