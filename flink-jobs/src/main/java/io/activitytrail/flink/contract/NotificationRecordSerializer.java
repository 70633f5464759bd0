package io.activitytrail.flink.contract;

import io.activitytrail.event.Notification;
import io.activitytrail.schemas.ContractTopics;
import io.activitytrail.schemas.serde.NotificationSerializer;
import io.activitytrail.schemas.serde.RegistryConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializationSchema.InitializationContext;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A notification to {@code trail.notifications}, the value in the Confluent wire format, the key
 * its notification id (a replayed duplicate is the same record to a compacting consumer).
 */
public final class NotificationRecordSerializer
    implements KafkaRecordSerializationSchema<Notification> {

  private final String registryUrl;
  private transient NotificationSerializer values;

  public NotificationRecordSerializer(String registryUrl) {
    this.registryUrl = registryUrl;
  }

  @Override
  public void open(InitializationContext context, KafkaSinkContext sinkContext) {
    values = new NotificationSerializer();
    values.configure(Map.of(RegistryConfig.REGISTRY_URL, registryUrl), false);
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      Notification notification, KafkaSinkContext context, Long timestamp) {
    return new ProducerRecord<>(
        ContractTopics.NOTIFICATIONS,
        null,
        ContractRecordSerializer.recordTimestamp(
            notification.getCreatedAt(), System.currentTimeMillis()),
        notification.getNotificationId().getBytes(StandardCharsets.UTF_8),
        values.serialize(ContractTopics.NOTIFICATIONS, notification));
  }
}
