package io.activitytrail.e2e;

import io.activitytrail.schemas.ContractTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the dead-letter topic from the offsets it had when created (so only letters of this run),
 * indexed by the source position their headers name.
 */
final class DeadLetterTopic implements AutoCloseable {
  static final String TOPIC = ContractTopics.DEAD_LETTERS;

  /** One dead letter: key, value and headers (as text). */
  record Letter(byte[] key, byte[] value, Map<String, String> headers) {
    String header(String name) {
      return headers.get(name);
    }
  }

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, List<Letter>> bySource = new HashMap<>();

  DeadLetterTopic(String bootstrap) {
    Properties settings = new Properties();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer =
        new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(TOPIC, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // fixes the start before anything is written
  }

  /** The letters naming this source record, waiting for at least one until the deadline. */
  List<Letter> await(String topic, int partition, long offset, Instant deadline) {
    String source = topic + "-" + partition + "@" + offset;
    while (!bySource.containsKey(source) && Instant.now().isBefore(deadline)) {
      poll();
    }
    return bySource.getOrDefault(source, List.of());
  }

  /** The letters naming this source record among those written so far. */
  List<Letter> now(String topic, int partition, long offset) {
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
    while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
      poll();
    }
    return bySource.getOrDefault(topic + "-" + partition + "@" + offset, List.of());
  }

  private void poll() {
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
      Map<String, String> headers = new LinkedHashMap<>();
      for (Header h : r.headers()) {
        headers.put(
            h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
      }
      String source =
          headers.get("trail.source.topic")
              + "-"
              + headers.get("trail.source.partition")
              + "@"
              + headers.get("trail.source.offset");
      bySource
          .computeIfAbsent(source, s -> new ArrayList<>())
          .add(new Letter(r.key(), r.value(), headers));
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
