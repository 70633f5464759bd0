package io.activitytrail.flink;

import io.activitytrail.clickhouse.ClickHouseMigrations;
import io.activitytrail.clickhouse.RetryPolicy;
import io.activitytrail.mapping.MappingLoader;
import io.activitytrail.schemas.CdcTopics;
import io.activitytrail.schemas.ContractTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.description.TextElement;

/** The normalizer job's settings: key, type, default and description of each. */
public final class NormalizerOptions {
  private NormalizerOptions() {}

  /** Where activities are written. */
  public enum ClickHouseMode {
    embedded,
    server
  }

  /** Where the CDC topics are read from when the job does not restore a checkpoint. */
  public enum StartingOffsets {
    committed,
    earliest
  }

  public static final ConfigOption<String> KAFKA_BOOTSTRAP_SERVERS =
      ConfigOptions.key("kafka.bootstrap-servers")
          .stringType()
          .noDefaultValue()
          .withDescription("Kafka brokers holding the Debezium topics (required).");

  public static final ConfigOption<String> KAFKA_GROUP_ID =
      ConfigOptions.key("kafka.group-id")
          .stringType()
          .defaultValue("trail-normalizer")
          .withDescription("Consumer group whose committed offsets the job resumes from.");

  public static final ConfigOption<StartingOffsets> KAFKA_STARTING_OFFSETS =
      ConfigOptions.key("kafka.starting-offsets")
          .enumType(StartingOffsets.class)
          .defaultValue(StartingOffsets.committed)
          .withDescription(
              "Where reading starts when no checkpoint or savepoint is restored: committed (the"
                  + " group's committed offsets, else the earliest) or earliest (every CDC record"
                  + " again: the normalizer's reference state is rebuilt, replayed events collapse"
                  + " by event id).");

  public static final ConfigOption<String> CDC_TOPIC_PREFIX =
      ConfigOptions.key("cdc.topic-prefix")
          .stringType()
          .defaultValue(CdcTopics.DEFAULT_PREFIX)
          .withDescription(
              "Debezium topic.prefix: data topics <prefix>.<schema>.<table>, <prefix>.transaction,"
                  + " <prefix>.message.");

  public static final ConfigOption<String> DEAD_LETTER_TOPIC =
      ConfigOptions.key("dead-letter.topic")
          .stringType()
          .defaultValue(ContractTopics.DEAD_LETTERS)
          .withDescription(
              "Topic receiving unreadable records with their original bytes, and events whose"
                  + " row ClickHouse refused.");

  public static final ConfigOption<String> REGISTRY_URL =
      ConfigOptions.key("registry.url")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Confluent-compatible schema registry API, e.g."
                  + " http://127.0.0.1:18081/apis/ccompat/v7: events also go to the contract topics"
                  + " trail.activities and trail.audit-events in the Confluent wire format. Unset:"
                  + " no topic output.");

  public static final ConfigOption<String> MAPPING_FILE =
      ConfigOptions.key("mapping.file")
          .stringType()
          .defaultValue(MappingLoader.BUNDLED)
          .withDescription(
              "Mapping YAML: a file path, or classpath:<resource>; the default is the reference"
                  + " helpdesk mapping.");

  public static final ConfigOption<Duration> ATTRIBUTION_MAX_WAIT =
      ConfigOptions.key("attribution.max-wait")
          .durationType()
          .defaultValue(Duration.ofSeconds(3))
          .withDescription(
              "How long a transaction's changes wait for its context message and END marker.");

  public static final ConfigOption<Duration> ORDERING_PATIENCE =
      ConfigOptions.key("ordering.patience")
          .durationType()
          .defaultValue(Duration.ofSeconds(30))
          .withDescription(
              "How long the commit-order sequencer waits for a transaction's batch while no batch"
                  + " at all comes from the attribution join, before later transactions go ahead"
                  + " of it (outside commit order). The join answers every transaction, so this"
                  + " only bounds a stall; longer than attribution.max-wait.");

  public static final ConfigOption<String> ALERTS_RULES_FILE =
      ConfigOptions.key("alerts.rules-file")
          .stringType()
          .defaultValue("")
          .withDescription(
              "YAML file of the built-in alert rules, replacing the pack shipped with the job"
                  + " (alerts/builtin-rules.yaml); empty: the shipped pack. Workspace rules live in"
                  + " helpdesk.alert_rules.");

  public static final ConfigOption<String> INTEGRITY_PRIVATE_KEY_FILE =
      ConfigOptions.key("integrity.private-key-file")
          .stringType()
          .defaultValue("")
          .withDescription(
              "File with the Ed25519 key that signs each workspace's checkpoints (PKCS#8, base64);"
                  + " empty: no checkpoints. Keep it outside ClickHouse (docs/integrity.md).");

  public static final ConfigOption<String> INTEGRITY_PUBLIC_KEY_FILE =
      ConfigOptions.key("integrity.public-key-file")
          .stringType()
          .defaultValue("")
          .withDescription("Its public key (X.509, base64): names the key in every checkpoint.");

  public static final ConfigOption<Duration> INTEGRITY_CHECKPOINT_INTERVAL =
      ConfigOptions.key("integrity.checkpoint-interval")
          .durationType()
          .defaultValue(Duration.ofSeconds(10))
          .withDescription("How often a workspace with new events gets a signed checkpoint.");

  public static final ConfigOption<Duration> ATTRIBUTION_MEMORY =
      ConfigOptions.key("attribution.memory")
          .durationType()
          .defaultValue(Duration.ofMinutes(10))
          .withDescription(
              "How long an emitted transaction's context is remembered for its late events.");

  public static final ConfigOption<ClickHouseMode> CLICKHOUSE_MODE =
      ConfigOptions.key("clickhouse.mode")
          .enumType(ClickHouseMode.class)
          .defaultValue(ClickHouseMode.embedded)
          .withDescription("embedded (chDB in the job's process) or server.");

  public static final ConfigOption<String> CLICKHOUSE_URL =
      ConfigOptions.key("clickhouse.url")
          .stringType()
          .noDefaultValue()
          .withDescription("HTTP endpoint of a ClickHouse server (server mode).");

  public static final ConfigOption<String> CLICKHOUSE_USER =
      ConfigOptions.key("clickhouse.user")
          .stringType()
          .defaultValue("default")
          .withDescription("ClickHouse server user (server mode).");

  public static final ConfigOption<String> CLICKHOUSE_PASSWORD =
      ConfigOptions.key("clickhouse.password")
          .stringType()
          .defaultValue("")
          .withDescription("ClickHouse server password (server mode).");

  public static final ConfigOption<String> CLICKHOUSE_DATABASE =
      ConfigOptions.key("clickhouse.database")
          .stringType()
          .defaultValue(ClickHouseMigrations.DEFAULT_DATABASE)
          .withDescription("ClickHouse database holding the activity tables.");

  public static final ConfigOption<String> CLICKHOUSE_EMBEDDED_PATH =
      ConfigOptions.key("clickhouse.embedded.path")
          .stringType()
          .noDefaultValue()
          .withDescription("Data directory of embedded ClickHouse (embedded mode).");

  public static final ConfigOption<String> CLICKHOUSE_EMBEDDED_LIBRARY =
      ConfigOptions.key("clickhouse.embedded.library")
          .stringType()
          .noDefaultValue()
          .withDescription("Path of libchdb.so (embedded mode).");

  public static final ConfigOption<Integer> SINK_BATCH_SIZE =
      ConfigOptions.key("sink.batch-size")
          .intType()
          .defaultValue(1000)
          .withDescription("Activities per ClickHouse insert, at most.");

  public static final ConfigOption<Duration> SINK_FLUSH_INTERVAL =
      ConfigOptions.key("sink.flush-interval")
          .durationType()
          .defaultValue(Duration.ofMillis(200))
          .withDescription("Longest time an activity waits in the sink's batch.");

  public static final ConfigOption<Integer> SINK_RETRY_MAX_ATTEMPTS =
      ConfigOptions.key("sink.retry.max-attempts")
          .intType()
          .defaultValue(RetryPolicy.DEFAULT.maxAttempts())
          .withDescription(
              "Attempts of a ClickHouse insert that fails for a reason that may pass (timeout,"
                  + " too many parts, network); then the job fails and restarts from its last"
                  + " checkpoint.");

  public static final ConfigOption<Duration> SINK_RETRY_INITIAL_BACKOFF =
      ConfigOptions.key("sink.retry.initial-backoff")
          .durationType()
          .defaultValue(RetryPolicy.DEFAULT.initialBackoff())
          .withDescription("Wait after the first failed attempt; doubles after each further one.");

  public static final ConfigOption<Duration> SINK_RETRY_MAX_BACKOFF =
      ConfigOptions.key("sink.retry.max-backoff")
          .durationType()
          .defaultValue(RetryPolicy.DEFAULT.maxBackoff())
          .withDescription("Longest wait between two attempts.");

  public static final List<ConfigOption<?>> ALL =
      List.of(
          KAFKA_BOOTSTRAP_SERVERS,
          KAFKA_GROUP_ID,
          KAFKA_STARTING_OFFSETS,
          CDC_TOPIC_PREFIX,
          DEAD_LETTER_TOPIC,
          REGISTRY_URL,
          MAPPING_FILE,
          ATTRIBUTION_MAX_WAIT,
          ORDERING_PATIENCE,
          ALERTS_RULES_FILE,
          INTEGRITY_PRIVATE_KEY_FILE,
          INTEGRITY_PUBLIC_KEY_FILE,
          INTEGRITY_CHECKPOINT_INTERVAL,
          ATTRIBUTION_MEMORY,
          CLICKHOUSE_MODE,
          CLICKHOUSE_URL,
          CLICKHOUSE_USER,
          CLICKHOUSE_PASSWORD,
          CLICKHOUSE_DATABASE,
          CLICKHOUSE_EMBEDDED_PATH,
          CLICKHOUSE_EMBEDDED_LIBRARY,
          SINK_BATCH_SIZE,
          SINK_FLUSH_INTERVAL,
          SINK_RETRY_MAX_ATTEMPTS,
          SINK_RETRY_INITIAL_BACKOFF,
          SINK_RETRY_MAX_BACKOFF);

  /** Every option the job takes: its own and the notifier's ({@link NotificationOptions}). */
  static List<ConfigOption<?>> everyOption() {
    List<ConfigOption<?>> all = new java.util.ArrayList<>(ALL);
    all.addAll(NotificationOptions.ALL);
    return all;
  }

  public static Set<String> keys() {
    return everyOption().stream()
        .map(ConfigOption::key)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * Builds a configuration from user-given settings, rejecting keys the job does not know (a typo
   * would otherwise silently fall back to a default).
   *
   * @throws IllegalArgumentException naming the unknown keys and listing the valid ones
   */
  public static Configuration fromMap(Map<String, String> settings) {
    Set<String> unknown = new TreeSet<>(settings.keySet());
    unknown.removeAll(keys());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown option(s) " + unknown + "; valid options: " + String.join(", ", keys()));
    }
    Configuration configuration = Configuration.fromMap(settings);
    for (ConfigOption<?> option : everyOption()) {
      try {
        configuration.getOptional(option);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "option " + option.key() + ": " + e.getMessage() + " (" + describe(option) + ")", e);
      }
    }
    return configuration;
  }

  public static String required(Configuration configuration, ConfigOption<String> option) {
    return configuration
        .getOptional(option)
        .filter(value -> !value.isBlank())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "missing required option " + option.key() + ": " + describe(option)));
  }

  /** The option's description as plain text. */
  public static String describe(ConfigOption<?> option) {
    return option.description().getBlocks().stream()
        .map(block -> block instanceof TextElement text ? text.getFormat() : "")
        .collect(Collectors.joining());
  }
}
