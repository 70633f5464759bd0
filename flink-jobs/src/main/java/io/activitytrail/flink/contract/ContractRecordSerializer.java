package io.activitytrail.flink.contract;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.schemas.ContractTopics;
import io.activitytrail.schemas.serde.ActivityEventSerializer;
import io.activitytrail.schemas.serde.RegistryConfig;
import java.nio.charset.StandardCharsets;
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
        event.getOccurredAt().toEpochMilli(),
        event.getEventId().getBytes(StandardCharsets.UTF_8),
        values.serialize(topic, event));
  }
}
