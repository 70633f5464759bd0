package io.activitytrail.stack;

import io.activitytrail.alerts.AlertRule;
import io.activitytrail.alerts.RuleVocabulary;
import io.activitytrail.api.ApiSecret;
import io.activitytrail.api.ApiServer;
import io.activitytrail.api.Health;
import io.activitytrail.api.TokenVerifier;
import io.activitytrail.api.server.TrailApi;
import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.ClickHouseMigrations;
import io.activitytrail.clickhouse.embedded.EmbeddedSession;
import io.activitytrail.clickhouse.http.ClickHouseHttpServer;
import io.activitytrail.clickhouse.http.ReadOnlyLimits;
import io.activitytrail.clickhouse.http.SqlCredentials;
import io.activitytrail.clickhouse.target.ClickHouseTarget;
import io.activitytrail.flink.NormalizerJob;
import io.activitytrail.flink.NormalizerOptions;
import io.activitytrail.flink.NotificationOptions;
import io.activitytrail.integrity.KeyFiles;
import io.activitytrail.mapping.MappingLoader;
import io.activitytrail.schemas.CdcTopics;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine process: embedded ClickHouse, the normalizer job in a Flink MiniCluster restored from
 * its newest retained checkpoint, and the HTTP API. chDB allows one process per storage path, so
 * the writer (the job) and the readers (the API) share this process.
 */
public final class Engine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(2);
  static final String PROMETHEUS_REPORTER =
      "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";

  private final ClickHouse clickHouse;
  private final JobClient job;
  private final ApiServer api;
  private final ClickHouseHttpServer sql;

  private Engine(ClickHouse clickHouse, JobClient job, ApiServer api, ClickHouseHttpServer sql) {
    this.clickHouse = clickHouse;
    this.job = job;
    this.api = api;
    this.sql = sql;
  }

  public static Engine start(StackConfig config) throws Exception {
    Path library = chdbLibrary(config, System.getenv());
    ClickHouseTarget target =
        ClickHouseTarget.embedded(
            library, config.clickHousePath(), StackConfig.CLICKHOUSE_DATABASE);
    ClickHouse ch = target.connect();
    List<String> applied = ClickHouseMigrations.apply(ch, StackConfig.CLICKHOUSE_DATABASE);
    LOG.info("ClickHouse at {}: migrations applied now: {}", target, applied);

    Checkpoints.keepOnlyFormat(config.flinkCheckpoints(), NormalizerJob.STATE_FORMAT);
    Optional<Path> restore = Checkpoints.latestCompleted(config.flinkCheckpoints());
    Configuration flink =
        flinkConfiguration(config.flinkCheckpoints(), restore, config.ports().flinkMetrics());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
    Configuration options = jobOptions(config, library, restore.isPresent());
    NormalizerJob.build(env, options);
    JobClient job = env.executeAsync(NormalizerJob.JOB_NAME);
    LOG.info("normalizer job {} submitted", job.getJobID());

    TokenVerifier tokens =
        TokenVerifier.hs256(ApiSecret.loadOrCreate(ApiSecret.file(config.confDir())));
    ApiServer api =
        TrailApi.start(
            ch,
            new TrailApi.Settings(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), config.ports().api()),
                StackConfig.CLICKHOUSE_DATABASE,
                tokens,
                MappingLoader.load(options.get(NormalizerOptions.MAPPING_FILE)).taxonomy(),
                () -> Health.ofJobState(state(job)),
                Clock.systemUTC(),
                List.of(KeyFiles.read(config.confDir().resolve(KeyFiles.PUBLIC)))));
    LOG.info("API on {}", config.apiUrl());
    ClickHouseHttpServer sql = startSqlInterface(config, library);
    LOG.info("SQL interface (ClickHouse HTTP, read-only) on {}", config.clickHouseHttpUrl());
    LOG.info("pipeline metrics (Prometheus) on {}", config.pipelineMetricsUrl());
    return new Engine(ch, job, api, sql);
  }

  /**
   * ClickHouse's HTTP interface on the store, for people and tools: a session of its own with
   * readonly=1 and the limits, served on loopback to the user and password in the conf folder.
   */
  static ClickHouseHttpServer startSqlInterface(StackConfig config, Path library)
      throws java.io.IOException {
    SqlCredentials credentials = SqlCredentials.loadOrCreate(SqlCredentials.file(config.confDir()));
    EmbeddedSession readOnly =
        EmbeddedSession.open(
            library, config.clickHousePath(), ReadOnlyLimits.DEFAULTS.sessionSettings());
    return ClickHouseHttpServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), config.ports().clickhouseHttp()),
        readOnly::run,
        credentials,
        StackConfig.CLICKHOUSE_DATABASE);
  }

  /**
   * Checkpoints every 2 s, kept on cancel; resumes from {@code restore}, the newest one a previous
   * run left. Generic types off: every stored type has its own serializer, and a Kryo fallback must
   * fail at start rather than break a later restore. Metrics through Flink's own Prometheus
   * reporter on {@code metricsPort}, exactly as a cluster configured per docs/metrics.md exposes
   * them: one set of alert rules and dashboards for both.
   */
  static Configuration flinkConfiguration(
      Path checkpoints, Optional<Path> restore, int metricsPort) {
    Configuration conf = new Configuration();
    conf.setString("metrics.reporter.prom.factory.class", PROMETHEUS_REPORTER);
    conf.setString("metrics.reporter.prom.port", Integer.toString(metricsPort));
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, CHECKPOINT_INTERVAL);
    conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
    conf.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 3);
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    restore.ifPresent(
        p -> {
          LOG.info("restoring from checkpoint {}", p);
          conf.set(StateRecoveryOptions.SAVEPOINT_PATH, p.toUri().toString());
        });
    return conf;
  }

  /**
   * Without a checkpoint to restore, the job re-reads the CDC topics from the start: the reference
   * state (names, displays, retention) is in no checkpoint and must be rebuilt, and replayed events
   * collapse by event id.
   */
  static Configuration jobOptions(StackConfig config, Path library, boolean restoring) {
    Configuration options = new Configuration();
    options.set(NormalizerOptions.KAFKA_BOOTSTRAP_SERVERS, config.kafkaBootstrap());
    options.set(
        NormalizerOptions.KAFKA_STARTING_OFFSETS,
        restoring
            ? NormalizerOptions.StartingOffsets.committed
            : NormalizerOptions.StartingOffsets.earliest);
    options.set(NormalizerOptions.CDC_TOPIC_PREFIX, CdcTopics.DEFAULT_PREFIX);
    options.set(NormalizerOptions.CLICKHOUSE_MODE, NormalizerOptions.ClickHouseMode.embedded);
    options.set(NormalizerOptions.CLICKHOUSE_EMBEDDED_PATH, config.clickHousePath().toString());
    options.set(NormalizerOptions.CLICKHOUSE_EMBEDDED_LIBRARY, library.toString());
    options.set(NormalizerOptions.CLICKHOUSE_DATABASE, StackConfig.CLICKHOUSE_DATABASE);
    options.set(NormalizerOptions.REGISTRY_URL, config.registryUrl());
    // Notification emails go to the stack's own mail server; batches wait 10 s, not the
    // production default of a minute, so a demo shows its mail soon after its changes.
    options.set(NotificationOptions.SMTP_HOST, config.smtp().host());
    options.set(NotificationOptions.SMTP_PORT, config.smtp().port());
    options.set(NotificationOptions.MAIL_FROM, "Activity Trail <trail@localhost>");
    options.set(NotificationOptions.EMAIL_QUIET_PERIOD, Duration.ofSeconds(10));
    options.set(NotificationOptions.EMAIL_MAX_DELAY, Duration.ofSeconds(60));
    // Checkpoints of each workspace's history, signed with a key made once, outside the store
    Path key = KeyFiles.ensure(config.confDir());
    options.set(NormalizerOptions.INTEGRITY_PRIVATE_KEY_FILE, key.toString());
    options.set(
        NormalizerOptions.INTEGRITY_PUBLIC_KEY_FILE,
        config.confDir().resolve(KeyFiles.PUBLIC).toString());
    options.addAll(userOptions(config.engineOptionsFile()));
    return options;
  }

  /**
   * The built-in alert rules the engine runs (its {@code alerts.rules-file}, or {@code rulesFile}
   * when given, else the shipped pack) and what a workspace rule may name under its mapping.
   */
  public record AlertRules(List<AlertRule> builtIns, RuleVocabulary vocabulary) {}

  public static AlertRules alertRules(Path engineOptionsFile, String rulesFile) {
    Configuration options = userOptions(engineOptionsFile);
    if (rulesFile != null) {
      options.set(NormalizerOptions.ALERTS_RULES_FILE, rulesFile);
    }
    RuleVocabulary vocabulary =
        RuleVocabulary.of(MappingLoader.load(options.get(NormalizerOptions.MAPPING_FILE)));
    return new AlertRules(NormalizerJob.alertRules(options, vocabulary).rules(), vocabulary);
  }

  /**
   * The job options a user put in {@code <home>/conf/engine.properties}, over the stack's; unknown
   * keys are refused with the list of valid ones.
   */
  public static Configuration userOptions(Path file) {
    if (!Files.isRegularFile(file)) {
      return new Configuration();
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new StackException("engine", "cannot read " + file + ": " + e.getMessage());
    }
    Map<String, String> settings = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> settings.put(k, properties.getProperty(k)));
    try {
      return NormalizerOptions.fromMap(settings);
    } catch (IllegalArgumentException e) {
      throw new StackException("engine", file + ": " + e.getMessage());
    }
  }

  /**
   * TRAIL_CHDB_LIBRARY, else the stack home's native/libchdb.so, else the checkout's (a test home
   * elsewhere shares the 566 MB library instead of fetching its own).
   */
  public static Path chdbLibrary(StackConfig config, Map<String, String> env) {
    String configured = env.get("TRAIL_CHDB_LIBRARY");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (Path candidate :
        List.of(
            config.home().resolve("native/libchdb.so"),
            config.repoRoot().resolve(".trail/native/libchdb.so"))) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new StackException(
        "engine",
        "the chDB library was found neither at "
            + config.home().resolve("native/libchdb.so")
            + " nor at "
            + config.repoRoot().resolve(".trail/native/libchdb.so")
            + ": run scripts/fetch-chdb.sh (or set TRAIL_CHDB_LIBRARY)");
  }

  private static String state(JobClient job) {
    try {
      return job.getJobStatus().get(2, TimeUnit.SECONDS).name();
    } catch (Exception e) {
      return "UNKNOWN";
    }
  }

  /** Runs until SIGTERM: then stops the API, cancels the job (its checkpoint stays), closes. */
  public static void runUntilTerminated(StackConfig config) throws Exception {
    Engine engine = start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  engine.close();
                  stopped.countDown();
                },
                "engine-shutdown"));
    engine
        .job
        .getJobExecutionResult()
        .exceptionally(
            failure -> {
              LOG.error("the normalizer job ended with a failure", failure);
              return null;
            });
    stopped.await();
  }

  @Override
  public void close() {
    sql.close();
    api.close();
    try {
      job.cancel().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("cancelling the job failed: {}", e.toString());
    }
    clickHouse.close();
    LOG.info("engine stopped");
  }
}
