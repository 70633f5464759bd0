package io.activitytrail.flink;

import static io.activitytrail.flink.NormalizerOptions.*;

import io.activitytrail.alerts.RulePack;
import io.activitytrail.alerts.RuleVocabulary;
import io.activitytrail.clickhouse.RetryPolicy;
import io.activitytrail.clickhouse.sink.ClickHouseSink;
import io.activitytrail.clickhouse.sink.RowFormat;
import io.activitytrail.clickhouse.target.ClickHouseTarget;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Notification;
import io.activitytrail.event.NotificationChannel;
import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.attribution.TransactionBatch;
import io.activitytrail.flink.contract.CheckpointRecordSerializer;
import io.activitytrail.flink.contract.ContractRecordSerializer;
import io.activitytrail.flink.contract.NotificationRecordSerializer;
import io.activitytrail.flink.deadletter.DeadLetter;
import io.activitytrail.flink.deadletter.DeadLetterSerializer;
import io.activitytrail.flink.deadletter.KafkaDeadLetterReporter;
import io.activitytrail.flink.decode.DebeziumDecoder;
import io.activitytrail.flink.decode.Decoded;
import io.activitytrail.flink.decode.TransactionBoundary;
import io.activitytrail.flink.notify.EmailSink;
import io.activitytrail.flink.notify.KafkaEmailFailures;
import io.activitytrail.flink.operators.AlertFunction;
import io.activitytrail.flink.operators.AttributionJoin;
import io.activitytrail.flink.operators.CommitSequencer;
import io.activitytrail.flink.operators.DecodeFunction;
import io.activitytrail.flink.operators.EmailBatchFunction;
import io.activitytrail.flink.operators.IntegrityFunction;
import io.activitytrail.flink.operators.NormalizeFunction;
import io.activitytrail.flink.operators.RawRecordDeserializer;
import io.activitytrail.flink.operators.Routing;
import io.activitytrail.flink.source.RawRecord;
import io.activitytrail.flink.types.TrailTypes;
import io.activitytrail.integrity.KeyFiles;
import io.activitytrail.integrity.Verifier.SignedInterval;
import io.activitytrail.mapping.Mapping;
import io.activitytrail.mapping.MappingLoader;
import io.activitytrail.notifications.email.EmailBatching;
import io.activitytrail.notifications.email.SmtpSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The normalizer: Debezium change events, transaction markers and context messages in; typed,
 * attributed activities out to ClickHouse; unreadable records to the dead-letter topic.
 */
public final class NormalizerJob {
  public static final String JOB_NAME = "trail-normalizer";

  /**
   * The state format of the job's checkpoints, as a whole: a checkpoint of another format cannot be
   * restored (Flink refuses it), so whoever restores one automatically (the local engine) sets it
   * aside and re-reads the CDC topics instead. Bump it only for a change no serializer migration
   * can carry (an operator's state replaced or dropped, a uid renamed); a type's layout change is a
   * {@link io.activitytrail.flink.types.TrailFormat} bump, which restores. 1: Kryo-serialized
   * state, before explicit serializers and the sequencer; 2: since.
   */
  public static final int STATE_FORMAT = 2;

  /**
   * How long the ordering path's channels (commit markers and batches to the sequencer, the
   * sequencer to the normalizer) keep a partly filled network buffer: Flink's default (100 ms) made
   * each of these hops cost up to 100 ms on a quiet stream (measured: the sequencer's extra hop
   * raised the commit-to-queryable median by 32 ms and p90 by 99 ms).
   */
  static final long ORDERING_BUFFER_TIMEOUT_MS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(NormalizerJob.class);

  private NormalizerJob() {}

  /** Runs on a Flink cluster: {@code --key value ...} or one properties file. */
  public static void main(String[] args) throws Exception {
    Configuration options = NormalizerOptions.fromMap(parseArgs(args));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    build(env, options);
    env.execute(JOB_NAME);
  }

  /**
   * Wires the production Kafka source, ClickHouse sink and dead-letter topic around {@link
   * #compose}.
   */
  public static void build(StreamExecutionEnvironment env, Configuration options) {
    if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
      // Kafka offsets are committed, and the sinks flushed, on checkpoints: without them a restart
      // would re-read from the last committed offsets forever.
      env.enableCheckpointing(5_000);
    }
    // Every shuffled and stored type has an explicit serializer (TrailTypes): a Kryo fallback
    // would be a bug that breaks restores silently, so it fails the job at submission instead.
    Configuration strict = new Configuration();
    strict.set(PipelineOptions.GENERIC_TYPES, false);
    env.configure(strict);
    String bootstrap = required(options, KAFKA_BOOTSTRAP_SERVERS);
    String prefix = options.get(CDC_TOPIC_PREFIX);
    KafkaSource<RawRecord> source =
        KafkaSource.<RawRecord>builder()
            .setBootstrapServers(bootstrap)
            .setGroupId(options.get(KAFKA_GROUP_ID))
            // data topics <prefix>.<schema>.<table>, plus <prefix>.transaction and <prefix>.message
            .setTopicPattern(Pattern.compile(Pattern.quote(prefix) + "\\..+"))
            .setStartingOffsets(startingOffsets(options.get(KAFKA_STARTING_OFFSETS)))
            .setDeserializer(new RawRecordDeserializer())
            // topics of newly captured tables appear at run time
            .setProperty("partition.discovery.interval.ms", "2000")
            .setProperty("commit.offsets.on.checkpoint", "true")
            .build();
    DataStream<RawRecord> records =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "cdc-topics")
            .uid("cdc-topics")
            .name("cdc-topics");
    KafkaSink<DeadLetter> deadLetters =
        KafkaSink.<DeadLetter>builder()
            .setBootstrapServers(bootstrap)
            .setRecordSerializer(new DeadLetterSerializer(options.get(DEAD_LETTER_TOPIC)))
            .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
            .build();
    compose(
        records,
        options,
        new JobSinks(
            activitySink(options),
            contractSink(options),
            notificationSink(options),
            notificationTopic(options),
            emailPath(options),
            integrityPath(options),
            deadLetters));
  }

  static OffsetsInitializer startingOffsets(StartingOffsets from) {
    return switch (from) {
      case committed -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
      case earliest -> OffsetsInitializer.earliest();
    };
  }

  /**
   * The contract topics, or empty when no registry is configured (the topics need the registry's
   * schema ids).
   */
  static Optional<Sink<ActivityEvent>> contractSink(Configuration options) {
    Optional<String> registry = options.getOptional(REGISTRY_URL).filter(url -> !url.isBlank());
    if (registry.isEmpty()) {
      LOG.info(
          "{} is not set: events go to ClickHouse only, not to the contract topics {} and {}",
          REGISTRY_URL.key(),
          io.activitytrail.schemas.ContractTopics.ACTIVITIES,
          io.activitytrail.schemas.ContractTopics.AUDIT_EVENTS);
      return Optional.empty();
    }
    return Optional.of(
        KafkaSink.<ActivityEvent>builder()
            .setBootstrapServers(required(options, KAFKA_BOOTSTRAP_SERVERS))
            .setRecordSerializer(new ContractRecordSerializer(registry.get()))
            .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
            .build());
  }

  /**
   * The built-in alert rules: the pack shipped with the job, or the file {@code alerts.rules-file}
   * names, checked against the names the loaded mapping gives ({@code vocabulary}). A pack with an
   * invalid rule stops the job at start: it is configuration, not data.
   */
  public static RulePack alertRules(Configuration options, RuleVocabulary vocabulary) {
    String file = options.get(ALERTS_RULES_FILE);
    RulePack pack =
        file.isBlank() ? RulePack.builtIn(vocabulary) : RulePack.file(Path.of(file), vocabulary);
    if (!pack.invalid().isEmpty()) {
      throw new IllegalArgumentException(
          "invalid alert rules in "
              + (file.isBlank() ? RulePack.DEFAULT_RESOURCE : file)
              + ": "
              + pack.invalid().stream().map(Exception::getMessage).toList());
    }
    return pack;
  }

  /** The sequencer's patience: never shorter than twice the join's max-wait. */
  static Duration patience(Configuration options) {
    Duration twiceMaxWait = options.get(ATTRIBUTION_MAX_WAIT).multipliedBy(2);
    Duration patience = options.get(ORDERING_PATIENCE);
    return patience.compareTo(twiceMaxWait) < 0 ? twiceMaxWait : patience;
  }

  /** The topology with activities and dead letters only. */
  public static void compose(
      DataStream<RawRecord> records,
      Configuration options,
      Sink<ActivityEvent> activities,
      Sink<DeadLetter> deadLetters) {
    compose(records, options, JobSinks.of(activities, deadLetters));
  }

  /**
   * The topology, handed its source stream and sinks (tests pass their own). Events and
   * notifications are written at least once; their deterministic ids let ClickHouse, the mailer's
   * sent log and consumers collapse replays.
   */
  public static void compose(DataStream<RawRecord> records, Configuration options, JobSinks sinks) {
    Mapping mapping = MappingLoader.load(options.get(MAPPING_FILE));
    DebeziumDecoder decoder = new DebeziumDecoder(options.get(CDC_TOPIC_PREFIX), mapping);
    Duration maxWait = options.get(ATTRIBUTION_MAX_WAIT);

    // Decode: raw records to row changes, transaction markers and messages; unreadable -> side
    // output. Same parallelism as the source, so each record stays on the subtask that read its
    // partition: the END markers of the one transaction partition leave in commit order.
    SingleOutputStreamOperator<Decoded> decoded =
        records
            .process(new DecodeFunction(decoder))
            .returns(TrailTypes.DECODED)
            .setParallelism(records.getParallelism())
            .name("decode")
            .uid("decode");

    // Attribute: a transaction's events wait (bounded) for its context message and END marker,
    // then leave together as one batch
    DataStream<TransactionBatch> transactions =
        decoded
            .filter(new Routing.InTransaction())
            .name("in-transaction")
            .uid("in-transaction")
            .keyBy(new Routing.ByTransaction())
            .process(new AttributionJoin(maxWait, options.get(ATTRIBUTION_MEMORY)))
            .returns(TrailTypes.TRANSACTION_BATCH)
            .setBufferTimeout(ORDERING_BUFFER_TIMEOUT_MS)
            .name("attribute")
            .uid("attribute");

    // Commit order: the END markers, as Debezium wrote them (one partition)
    DataStream<TransactionBoundary> commits =
        decoded
            .flatMap(new Routing.CommitMarkers())
            .returns(TrailTypes.TRANSACTION_BOUNDARY)
            // forward from decode: a rebalance here would spread, and so reorder, the markers
            .setParallelism(decoded.getParallelism())
            .setBufferTimeout(ORDERING_BUFFER_TIMEOUT_MS)
            .name("commit-markers")
            .uid("commit-markers");

    // Sequence: one subtask releases the batches in commit order, each once it and every earlier
    // transaction is back from the join (which answers every END), so each workspace's
    // normalizer sees its transactions in commit order (keyBy keeps each channel's order)
    DataStream<Attributed> sequenced =
        commits
            .connect(transactions)
            .keyBy(
                new Routing.Single<TransactionBoundary>(), new Routing.Single<TransactionBatch>())
            .process(new CommitSequencer(patience(options), options.get(ATTRIBUTION_MEMORY)))
            .returns(TrailTypes.ATTRIBUTED)
            .setParallelism(1)
            .setBufferTimeout(ORDERING_BUFFER_TIMEOUT_MS)
            .name("sequence")
            .uid("sequence");

    // Bypass: snapshot reads and non-transactional messages have no context to wait for
    DataStream<Attributed> bypass =
        decoded
            .filter(new Routing.OutsideTransaction())
            .name("outside-transaction")
            .uid("outside-transaction")
            .map(new Routing.WithoutContext())
            .returns(TrailTypes.ATTRIBUTED)
            .name("without-context")
            .uid("without-context");

    // Normalize: per workspace, with its reference rows (names, record displays, retention) as
    // keyed state, attributed changes to typed activities and audit events; an event it throws on
    // -> side output
    SingleOutputStreamOperator<ActivityEvent> normalized =
        sequenced
            .union(bypass)
            .keyBy(new Routing.ByWorkspace(mapping))
            .process(new NormalizeFunction(mapping))
            .name("normalize")
            .uid("normalize-by-workspace");

    // Alert: per workspace, the rules in force (the built-in pack and the workspace's own, rebuilt
    // from its alert_rule_changed events) over its events; a condition met -> one alert_fired audit
    // event and its emails; a rule that does not parse -> side output
    RuleVocabulary vocabulary = RuleVocabulary.of(mapping);
    SingleOutputStreamOperator<ActivityEvent> alerts =
        normalized
            .keyBy(new Routing.EventWorkspace())
            .process(
                new AlertFunction(
                    alertRules(options, vocabulary).rules(), vocabulary, mapping.feedAuditTypes()))
            .name("alerts")
            .uid("alerts");
    DataStream<ActivityEvent> events = normalized.union(alerts);

    // Store: activities, audit events and alerts to ClickHouse
    events.sinkTo(sinks.activities()).name("activities").uid("activities");

    // Publish: the contract topics, Confluent wire format, key = event id
    sinks
        .contractTopics()
        .ifPresent(sink -> events.sinkTo(sink).name("contract-topics").uid("contract-topics"));

    // Prove: per workspace, every stored event a sequence number and a leaf in the workspace's
    // Merkle tree; signed checkpoints, published once durable
    sinks
        .integrity()
        .ifPresent(
            integrity -> {
              DataStream<SignedInterval> signed =
                  events
                      .keyBy(new Routing.EventWorkspace())
                      .process(
                          new IntegrityFunction(
                              integrity.privateKey(),
                              integrity.publicKey(),
                              integrity.interval(),
                              options.get(ATTRIBUTION_MEMORY)))
                      .name("integrity")
                      .uid("integrity");
              signed.sinkTo(integrity.checkpoints()).name("checkpoints").uid("checkpoints");
              signed.sinkTo(integrity.topic()).name("checkpoint-topic").uid("checkpoint-topic");
            });

    // Notify: each activity's notifications, decided in normalize with the workspace's settings,
    // followers and assignees as committed before it; in the app, on their topic, by email
    DataStream<Notification> notifications =
        normalized
            .getSideOutput(NormalizeFunction.NOTIFICATIONS)
            .union(alerts.getSideOutput(AlertFunction.ALERT_EMAILS));
    notifications
        .filter(new Routing.OnChannel(NotificationChannel.in_app))
        .name("in-app")
        .uid("in-app")
        .sinkTo(sinks.inAppNotifications())
        .name("in-app-notifications")
        .uid("in-app-notifications");
    sinks
        .notificationTopic()
        .ifPresent(
            sink ->
                notifications.sinkTo(sink).name("notification-topic").uid("notification-topic"));
    // Email: per recipient, batched (assignments at once), each batch one email, sent once
    sinks
        .email()
        .ifPresent(
            email ->
                notifications
                    .filter(new Routing.OnChannel(NotificationChannel.email))
                    .name("by-email")
                    .uid("by-email")
                    .keyBy(new Routing.ByRecipient())
                    .process(new EmailBatchFunction(email.batching()))
                    .name("email-batch")
                    .uid("email-batch")
                    .sinkTo(email.sink())
                    .name("email")
                    .uid("email"));

    // Dead letters: what decoding or normalizing gave up on, and rules that do not parse, with the
    // reason and stage, to their topic
    decoded
        .getSideOutput(DecodeFunction.DEAD_LETTERS)
        .union(normalized.getSideOutput(NormalizeFunction.DEAD_LETTERS))
        .union(alerts.getSideOutput(AlertFunction.DEAD_LETTERS))
        .sinkTo(sinks.deadLetters())
        .name("dead-letters")
        .uid("dead-letters");
  }

  static Sink<ActivityEvent> activitySink(Configuration options) {
    return new ClickHouseSink<>(
        clickHouse(options),
        RowFormat.ACTIVITIES,
        options.get(SINK_BATCH_SIZE),
        options.get(SINK_FLUSH_INTERVAL),
        retry(options),
        // rows ClickHouse refuses go to the same topic, with the same headers, as decode failures
        new KafkaDeadLetterReporter.Factory<>(
            required(options, KAFKA_BOOTSTRAP_SERVERS),
            options.get(DEAD_LETTER_TOPIC),
            DeadLetter::refusedRow));
  }

  static Sink<Notification> notificationSink(Configuration options) {
    return new ClickHouseSink<>(
        clickHouse(options),
        RowFormat.NOTIFICATIONS,
        options.get(SINK_BATCH_SIZE),
        options.get(SINK_FLUSH_INTERVAL),
        retry(options),
        new KafkaDeadLetterReporter.Factory<>(
            required(options, KAFKA_BOOTSTRAP_SERVERS),
            options.get(DEAD_LETTER_TOPIC),
            DeadLetter::refusedNotification));
  }

  /** {@code trail.notifications}, or empty when no registry is configured. */
  static Optional<Sink<Notification>> notificationTopic(Configuration options) {
    return options
        .getOptional(REGISTRY_URL)
        .filter(url -> !url.isBlank())
        .map(
            registry ->
                KafkaSink.<Notification>builder()
                    .setBootstrapServers(required(options, KAFKA_BOOTSTRAP_SERVERS))
                    .setRecordSerializer(new NotificationRecordSerializer(registry))
                    .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                    .build());
  }

  /** The signed checkpoints, or empty when no signing key is set. */
  static Optional<JobSinks.Integrity> integrityPath(Configuration options) {
    String privateKey = options.get(INTEGRITY_PRIVATE_KEY_FILE);
    if (privateKey.isBlank()) {
      LOG.info(
          "{} is not set: no signed checkpoints (docs/integrity.md)",
          INTEGRITY_PRIVATE_KEY_FILE.key());
      return Optional.empty();
    }
    return Optional.of(
        new JobSinks.Integrity(
            KeyFiles.read(Path.of(privateKey)),
            KeyFiles.read(Path.of(required(options, INTEGRITY_PUBLIC_KEY_FILE))),
            options.get(INTEGRITY_CHECKPOINT_INTERVAL),
            new ClickHouseSink<>(
                clickHouse(options),
                RowFormat.CHECKPOINTS,
                options.get(SINK_BATCH_SIZE),
                options.get(SINK_FLUSH_INTERVAL),
                retry(options),
                new KafkaDeadLetterReporter.Factory<>(
                    required(options, KAFKA_BOOTSTRAP_SERVERS),
                    options.get(DEAD_LETTER_TOPIC),
                    DeadLetter::refusedCheckpoint)),
            KafkaSink.<SignedInterval>builder()
                .setBootstrapServers(required(options, KAFKA_BOOTSTRAP_SERVERS))
                .setRecordSerializer(new CheckpointRecordSerializer())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build()));
  }

  /** The email path, or empty (notifications in the app only) when no mail host is set. */
  static Optional<JobSinks.Email> emailPath(Configuration options) {
    Optional<SmtpSettings> smtp = NotificationOptions.smtp(options);
    if (smtp.isEmpty()) {
      LOG.info(
          "{} is not set: notifications are in the app only, no email",
          NotificationOptions.SMTP_HOST.key());
      return Optional.empty();
    }
    LOG.info("email notifications through {}", smtp.get());
    return Optional.of(
        new JobSinks.Email(
            new EmailBatching(
                options.get(NotificationOptions.EMAIL_QUIET_PERIOD),
                options.get(NotificationOptions.EMAIL_MAX_DELAY),
                options.get(NotificationOptions.EMAIL_HOURLY_CAP)),
            new EmailSink(
                smtp.get(),
                NotificationOptions.links(options),
                clickHouse(options),
                retry(options),
                new KafkaEmailFailures.Factory(
                    required(options, KAFKA_BOOTSTRAP_SERVERS), options.get(DEAD_LETTER_TOPIC)))));
  }

  private static RetryPolicy retry(Configuration options) {
    return new RetryPolicy(
        options.get(SINK_RETRY_MAX_ATTEMPTS),
        options.get(SINK_RETRY_INITIAL_BACKOFF),
        options.get(SINK_RETRY_MAX_BACKOFF));
  }

  static ClickHouseTarget clickHouse(Configuration options) {
    String database = options.get(CLICKHOUSE_DATABASE);
    return switch (options.get(CLICKHOUSE_MODE)) {
      case embedded ->
          ClickHouseTarget.embedded(
              Path.of(required(options, CLICKHOUSE_EMBEDDED_LIBRARY)),
              Path.of(required(options, CLICKHOUSE_EMBEDDED_PATH)),
              database);
      case server ->
          ClickHouseTarget.server(
              required(options, CLICKHOUSE_URL),
              options.get(CLICKHOUSE_USER),
              options.get(CLICKHOUSE_PASSWORD),
              database);
    };
  }

  /** {@code --key value} pairs, or a single properties file path. */
  static Map<String, String> parseArgs(String[] args) throws IOException {
    Map<String, String> settings = new LinkedHashMap<>();
    if (args.length == 1 && !args[0].startsWith("--")) {
      Properties properties = new Properties();
      try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
        properties.load(in);
      }
      properties
          .stringPropertyNames()
          .forEach(key -> settings.put(key, properties.getProperty(key)));
      return settings;
    }
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "expected --key value pairs or one properties file, got: " + String.join(" ", args));
      }
      settings.put(args[i].substring(2), args[i + 1]);
    }
    return settings;
  }
}
