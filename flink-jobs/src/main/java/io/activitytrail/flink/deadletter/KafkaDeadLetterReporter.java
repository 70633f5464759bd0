package io.activitytrail.flink.deadletter;

import io.activitytrail.clickhouse.ClickHouseException;
import io.activitytrail.clickhouse.sink.RefusedRowReporter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends the rows ClickHouse refused to the job's dead-letter topic, stage {@code clickhouse-sink},
 * with the same headers as the decode stage's dead letters ({@link DeadLetterSerializer}). Each
 * report waits for the broker's acknowledgement, so the sink's flush (and the checkpoint) returns
 * only once its dead letters are durable; a send that fails fails the report.
 */
public final class KafkaDeadLetterReporter<T> implements RefusedRowReporter<T> {

  /** The dead letter of a refused row. */
  @FunctionalInterface
  public interface Letters<T> extends Serializable {
    DeadLetter of(T row, ClickHouseException reason, long failedAt);
  }

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final Letters<T> letters;
  private final LongSupplier clock;

  public KafkaDeadLetterReporter(
      Producer<byte[], byte[]> producer, String topic, Letters<T> letters, LongSupplier clock) {
    this.producer = producer;
    this.topic = topic;
    this.letters = letters;
    this.clock = clock;
  }

  @Override
  public void report(T row, ClickHouseException reason) throws IOException {
    DeadLetter letter = letters.of(row, reason, clock.getAsLong());
    String id = new String(letter.key(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      producer.send(DeadLetterSerializer.toRecord(topic, letter)).get();
    } catch (ExecutionException e) {
      throw failed(id, e.getCause());
    } catch (KafkaException e) {
      throw failed(id, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while dead-lettering " + id + " to " + topic);
    }
  }

  private IOException failed(String id, Throwable cause) {
    return new IOException("cannot dead-letter " + id + " to " + topic + ": " + cause, cause);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }

  /** Creates one producer per sink writer. */
  public record Factory<T>(String bootstrapServers, String topic, Letters<T> letters)
      implements RefusedRowReporter.Factory<T> {
    @Override
    public RefusedRowReporter<T> create() {
      Properties settings = new Properties();
      settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
      settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
      settings.put(ProducerConfig.ACKS_CONFIG, "all");
      settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      // A report blocks the sink: bound it, then fail the write (the job restarts) rather than
      // hang.
      settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
      settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
      return new KafkaDeadLetterReporter<>(
          new KafkaProducer<>(settings), topic, letters, System::currentTimeMillis);
    }
  }
}
