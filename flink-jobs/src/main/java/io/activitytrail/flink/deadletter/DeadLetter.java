package io.activitytrail.flink.deadletter;

import io.activitytrail.flink.source.RawRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record the job could not read or map, with its original bytes and why.
 *
 * @param errorClass the exception's class name
 * @param failedAt when the job gave up on it, epoch millis
 */
public record DeadLetter(
    String topic,
    int partition,
    long offset,
    long timestamp,
    byte[] key,
    byte[] value,
    Map<String, byte[]> headers,
    String errorClass,
    String errorMessage,
    long failedAt) {

  public static DeadLetter of(RawRecord record, Throwable error, long failedAt) {
    return new DeadLetter(
        record.topic(),
        record.partition(),
        record.offset(),
        record.timestamp(),
        record.key(),
        record.value(),
        record.headers() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(record.headers()),
        error.getClass().getName(),
        String.valueOf(error.getMessage()),
        failedAt);
  }
}
