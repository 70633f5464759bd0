package io.activitytrail.flink.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Writes a dead letter as its original key and value, the original headers, and headers naming the
 * reason and the source position (the shape of Kafka Connect's dead letter queue).
 */
public final class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
  public static final String ERROR_CLASS = "trail.error.class";
  public static final String ERROR_MESSAGE = "trail.error.message";
  public static final String SOURCE_TOPIC = "trail.source.topic";
  public static final String SOURCE_PARTITION = "trail.source.partition";
  public static final String SOURCE_OFFSET = "trail.source.offset";
  public static final String SOURCE_TIMESTAMP = "trail.source.timestamp";
  public static final String FAILED_AT = "trail.failed.at";
  public static final String STAGE = "trail.error.stage";

  private final String topic;

  public DeadLetterSerializer(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      DeadLetter letter, KafkaSinkContext context, Long timestamp) {
    return new ProducerRecord<>(topic, null, null, letter.key(), letter.value(), headers(letter));
  }

  /** The headers a dead letter carries, original ones first. */
  public static List<Header> headers(DeadLetter letter) {
    List<Header> headers = new ArrayList<>();
    for (Map.Entry<String, byte[]> original : letter.headers().entrySet()) {
      headers.add(new RecordHeader(original.getKey(), original.getValue()));
    }
    add(headers, ERROR_CLASS, letter.errorClass());
    add(headers, ERROR_MESSAGE, letter.errorMessage());
    add(headers, SOURCE_TOPIC, letter.topic());
    add(headers, SOURCE_PARTITION, Integer.toString(letter.partition()));
    add(headers, SOURCE_OFFSET, Long.toString(letter.offset()));
    add(headers, SOURCE_TIMESTAMP, Long.toString(letter.timestamp()));
    add(headers, FAILED_AT, Long.toString(letter.failedAt()));
    add(headers, STAGE, letter.stage());
    return headers;
  }

  private static void add(List<Header> headers, String key, String value) {
    headers.add(new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8)));
  }
}
