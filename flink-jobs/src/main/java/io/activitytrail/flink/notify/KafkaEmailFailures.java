package io.activitytrail.flink.notify;

import io.activitytrail.event.Notification;
import io.activitytrail.flink.deadletter.DeadLetter;
import io.activitytrail.flink.deadletter.DeadLetterSerializer;
import io.activitytrail.notifications.email.EmailMessage;
import io.activitytrail.notifications.email.EmailSender;
import io.activitytrail.notifications.email.MailException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Emails that cannot be sent, to the dead-letter topic (stage {@code email}), each confirmed by the
 * broker before the sink goes on; a report that fails fails the write (never only logged).
 */
public final class KafkaEmailFailures implements EmailSender.Failures {

  private final Producer<byte[], byte[]> producer;
  private final String topic;

  public KafkaEmailFailures(Producer<byte[], byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  @Override
  public void report(EmailMessage message, List<Notification> batch, MailException reason)
      throws IOException {
    DeadLetter letter = DeadLetter.failedEmail(message, batch, reason, System.currentTimeMillis());
    try {
      producer.send(DeadLetterSerializer.toRecord(topic, letter)).get();
    } catch (ExecutionException e) {
      throw new IOException(
          "cannot dead-letter email " + message.messageId() + " to " + topic, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while dead-lettering " + message.messageId());
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }

  /** One producer per sink writer. */
  public record Factory(String bootstrapServers, String topic) implements Serializable {
    public KafkaEmailFailures create() {
      Properties settings = new Properties();
      settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
      settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
      settings.put(ProducerConfig.ACKS_CONFIG, "all");
      settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
      settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
      return new KafkaEmailFailures(new KafkaProducer<>(settings), topic);
    }
  }
}
