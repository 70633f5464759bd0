package io.activitytrail.flink.deadletter;

import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.decode.SourceRef;
import io.activitytrail.flink.source.RawRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record the job could not read, map or normalize, with its original bytes (or, past decoding,
 * the event as the job held it) and why.
 *
 * @param key the original key; null past decoding
 * @param value the original bytes, or past decoding the event as JSON ({@link EventJson})
 * @param errorClass the exception's class name
 * @param failedAt when the job gave up on it, epoch millis
 * @param stage the stage that gave up: {@link #DECODE} or {@link #NORMALIZE}
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
    long failedAt,
    String stage) {
  public static final String DECODE = "decode";
  public static final String NORMALIZE = "normalize";

  /** A record decoding could not read or map, with its original bytes. */
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
        failedAt,
        DECODE);
  }

  /**
   * A decoded event a later stage could not handle: the original bytes are gone, so the value is
   * the event as JSON, and the source position says where the original is.
   */
  public static DeadLetter ofEvent(
      Attributed attributed, String stage, Throwable error, long failedAt) {
    SourceRef source = attributed.event().source();
    return new DeadLetter(
        source.topic(),
        source.partition(),
        source.offset(),
        EventJson.commitTime(attributed.event()),
        null,
        EventJson.of(attributed),
        new LinkedHashMap<>(),
        error.getClass().getName(),
        String.valueOf(error.getMessage()),
        failedAt,
        stage);
  }
}
