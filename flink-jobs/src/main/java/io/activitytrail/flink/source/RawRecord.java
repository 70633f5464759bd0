package io.activitytrail.flink.source;

import java.util.Map;

/**
 * One Kafka record exactly as it arrived. Kept as bytes so that a record the job cannot read can be
 * dead-lettered unchanged.
 *
 * @param key null for records without a key
 * @param value null for tombstones (Debezium writes one after each delete)
 */
public record RawRecord(
    String topic,
    int partition,
    long offset,
    long timestamp,
    byte[] key,
    byte[] value,
    Map<String, byte[]> headers) {}
