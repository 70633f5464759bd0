package io.activitytrail.stack;

import io.activitytrail.clickhouse.ClickHouseMigrations;
import io.activitytrail.clickhouse.http.SqlCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack keeps its state and which ports it uses.
 *
 * @param repoRoot the project checkout: the runtimes laid out by the build are found under it
 * @param home all state (data, logs, PID files, temp folders), {@code <repo>/.trail} by default
 */
public record StackConfig(Path repoRoot, Path home, StackPorts ports) {

  public static final String POSTGRES_USER = "trail";
  public static final String POSTGRES_PASSWORD = "trail";
  public static final String POSTGRES_DATABASE = "helpdesk";
  public static final String CLICKHOUSE_DATABASE = ClickHouseMigrations.DEFAULT_DATABASE;

  public StackConfig {
    repoRoot = repoRoot.toAbsolutePath().normalize();
    home = home.toAbsolutePath().normalize();
  }

  /**
   * The configuration a user gets: repo root from the system property {@code trail.repo} (set by
   * the launcher) or the working directory, home from TRAIL_HOME, ports from TRAIL_*_PORT.
   */
  public static StackConfig fromEnvironment(Map<String, String> env) {
    Path repo = Path.of(System.getProperty("trail.repo", System.getProperty("user.dir")));
    String home = env.get("TRAIL_HOME");
    return new StackConfig(
        repo,
        home == null || home.isBlank() ? repo.resolve(".trail") : Path.of(home),
        StackPorts.fromEnvironment(env));
  }

  /** The environment that makes a child's {@link #fromEnvironment} give this configuration. */
  public Map<String, String> toEnvironment() {
    return Map.of(
        "TRAIL_CLICKHOUSE_HTTP_PORT", Integer.toString(ports.clickhouseHttp()),
        "TRAIL_FLINK_METRICS_PORT", Integer.toString(ports.flinkMetrics()),
        "TRAIL_HOME", home.toString(),
        "TRAIL_POSTGRES_PORT", Integer.toString(ports.postgres()),
        "TRAIL_KAFKA_PORT", Integer.toString(ports.kafka()),
        "TRAIL_KAFKA_CONTROLLER_PORT", Integer.toString(ports.kafkaController()),
        "TRAIL_CONNECT_PORT", Integer.toString(ports.connect()),
        "TRAIL_REGISTRY_PORT", Integer.toString(ports.registry()),
        "TRAIL_REGISTRY_MANAGEMENT_PORT", Integer.toString(ports.registryManagement()),
        "TRAIL_API_PORT", Integer.toString(ports.api()));
  }

  public Path dataDir(String piece) {
    return home.resolve("data").resolve(piece);
  }

  public Path logFile(ServiceId service) {
    return home.resolve("logs").resolve(service.key() + ".log");
  }

  public Path pidFile(ServiceId service) {
    return runDir().resolve(service.key() + ".pid");
  }

  public Path tmpDir(String piece) {
    return home.resolve("tmp").resolve(piece);
  }

  public Path runDir() {
    return home.resolve("run");
  }

  public Path confDir() {
    return home.resolve("conf");
  }

  /**
   * The SQL interface's user and password (made by the engine on its first start), or null before
   * that.
   */
  public SqlCredentials clickHouseHttpCredentials() {
    Path file = SqlCredentials.file(confDir());
    return Files.isRegularFile(file) ? SqlCredentials.read(file) : null;
  }

  public Path stackFile() {
    return runDir().resolve("stack.json");
  }

  public Path clickHousePath() {
    return dataDir("clickhouse");
  }

  public Path flinkCheckpoints() {
    return dataDir("flink-checkpoints");
  }

  public String postgresJdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + POSTGRES_DATABASE;
  }

  public String kafkaBootstrap() {
    return "127.0.0.1:" + ports.kafka();
  }

  public String connectUrl() {
    return "http://127.0.0.1:" + ports.connect();
  }

  public String registryUrl() {
    return "http://127.0.0.1:" + ports.registry() + "/apis/ccompat/v7";
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + ports.api();
  }

  /** The embedded store's ClickHouse HTTP interface (read-only). */
  public String clickHouseHttpUrl() {
    return "http://127.0.0.1:" + ports.clickhouseHttp();
  }

  /**
   * The pipeline's metrics (the Flink job's, events per stage, lag, dead letters, sink batches,
   * checkpoints) in the Prometheus format, served by Flink's reporter in the engine.
   */
  public String pipelineMetricsUrl() {
    return "http://127.0.0.1:" + ports.flinkMetrics() + "/metrics";
  }

  /** The API's own metrics (requests, latency). */
  public String apiMetricsUrl() {
    return apiUrl() + "/metrics";
  }

  public Path kafkaLib() {
    return repoRoot.resolve("infra/runtime/kafka/target/lib");
  }

  public Path connectPluginsSource() {
    return repoRoot.resolve("infra/runtime/connect-plugins/target/plugins");
  }

  public Path registryJar() {
    return repoRoot.resolve("infra/runtime/registry/target/apicurio/quarkus-run.jar");
  }

  public Path connectorJson() {
    return repoRoot.resolve("infra/connect/helpdesk-postgres.json");
  }

  /** The engine process's classpath: the stack module's build, else this JVM's own. */
  public String engineClasspath() {
    Path lib = repoRoot.resolve("stack/target/lib");
    Path classes = repoRoot.resolve("stack/target/classes");
    if (Files.isDirectory(lib) && Files.isDirectory(classes)) {
      return classes + ":" + lib + "/*";
    }
    return System.getProperty("java.class.path");
  }
}
