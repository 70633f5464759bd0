package io.activitytrail.cli;

import io.activitytrail.schemas.ContractTopics;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records the dead-letter topic holds: per partition the end offset minus the start offset
 * (records deleted by retention are no longer counted).
 */
final class DeadLetterCount {
  static final String TOPIC = ContractTopics.DEAD_LETTERS;
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private DeadLetterCount() {}

  /** Asks the broker; throws when it cannot be reached or the topic does not exist. */
  static long query(String bootstrap) throws Exception {
    Properties settings = new Properties();
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    try (Admin admin = Admin.create(settings)) {
      var partitions =
          admin
              .describeTopics(java.util.List.of(TOPIC))
              .allTopicNames()
              .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .get(TOPIC)
              .partitions()
              .stream()
              .map(p -> new TopicPartition(TOPIC, p.partition()))
              .toList();
      Map<TopicPartition, Long> start =
          offsets(
              admin,
              partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest())));
      Map<TopicPartition, Long> end =
          offsets(
              admin,
              partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())));
      return count(start, end);
    }
  }

  /** Sum over partitions of end minus start; a partition missing from either side counts zero. */
  static long count(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
    return end.entrySet().stream()
        .mapToLong(e -> Math.max(0, e.getValue() - start.getOrDefault(e.getKey(), e.getValue())))
        .sum();
  }

  private static Map<TopicPartition, Long> offsets(
      Admin admin, Map<TopicPartition, OffsetSpec> specs) throws Exception {
    Map<TopicPartition, ListOffsetsResultInfo> result =
        admin.listOffsets(specs).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    return result.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }
}
