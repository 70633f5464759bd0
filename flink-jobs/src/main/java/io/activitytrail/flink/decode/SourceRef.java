package io.activitytrail.flink.decode;

import java.io.Serializable;

/** The Kafka position a decoded event came from. */
public record SourceRef(String topic, int partition, long offset) implements Serializable {}
