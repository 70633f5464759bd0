package io.activitytrail.flink.contract;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.schemas.ContractTopics;
import io.activitytrail.schemas.serde.ActivityEventSerializer;
import io.activitytrail.schemas.serde.RegistryConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializationSchema.InitializationContext;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * An event to its contract topic ({@code trail.activities} or {@code trail.audit-events} by
 * category), the value in the Confluent wire format through the registry, the key its event id (so
 * a consumer compacting or partitioning by key sees a replayed duplicate as the same record).
 */
public final class ContractRecordSerializer
    implements KafkaRecordSerializationSchema<ActivityEvent> {
  // Commit times ahead of the broker's clock by more than this get the producer's time: a broker
  // refuses timestamps over an hour ahead (message.timestamp.after.max.ms, Kafka's default).
  private static final Duration MAX_AHEAD = Duration.ofMinutes(1);

  private final String registryUrl;
  private transient ActivityEventSerializer values;

  public ContractRecordSerializer(String registryUrl) {
    this.registryUrl = registryUrl;
  }

  @Override
  public void open(InitializationContext context, KafkaSinkContext sinkContext) {
    values = new ActivityEventSerializer();
    values.configure(Map.of(RegistryConfig.REGISTRY_URL, registryUrl), false);
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      ActivityEvent event, KafkaSinkContext context, Long timestamp) {
    String topic = ContractTopics.forCategory(event.getCategory());
    return new ProducerRecord<>(
        topic,
        null,
        recordTimestamp(event.getOccurredAt(), System.currentTimeMillis()),
        event.getEventId().getBytes(StandardCharsets.UTF_8),
        values.serialize(topic, event));
  }

  /**
   * The Kafka timestamp of an event's record: its occurred_at when a broker takes it, else null
   * (the producer's time; the value keeps occurred_at). The producer refuses negative timestamps
   * and the broker ones far ahead of its clock, and either refusal failed the whole sink: an event
   * of year 1 or 9999 restarted the job for ever (seen on the local stack with the malformed-input
   * corpus).
   */
  static Long recordTimestamp(Instant occurredAt, long now) {
    long millis = occurredAt.toEpochMilli();
    return millis >= 0 && millis <= now + MAX_AHEAD.toMillis() ? millis : null;
  }
}
