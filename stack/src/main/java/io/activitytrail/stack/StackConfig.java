package io.activitytrail.stack;

import io.activitytrail.clickhouse.ClickHouseMigrations;
import io.activitytrail.clickhouse.http.SqlCredentials;
import io.activitytrail.stack.mail.HostPort;
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

  /** Every piece binds the loopback address only. */
  public static final String LOOPBACK = "127.0.0.1";

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
    return Map.ofEntries(
        Map.entry("TRAIL_HOME", home.toString()),
        Map.entry("TRAIL_POSTGRES_PORT", Integer.toString(ports.postgres())),
        Map.entry("TRAIL_KAFKA_PORT", Integer.toString(ports.kafka())),
        Map.entry("TRAIL_KAFKA_CONTROLLER_PORT", Integer.toString(ports.kafkaController())),
        Map.entry("TRAIL_CONNECT_PORT", Integer.toString(ports.connect())),
        Map.entry("TRAIL_REGISTRY_PORT", Integer.toString(ports.registry())),
        Map.entry("TRAIL_REGISTRY_MANAGEMENT_PORT", Integer.toString(ports.registryManagement())),
        Map.entry("TRAIL_API_PORT", Integer.toString(ports.api())),
        Map.entry("TRAIL_CLICKHOUSE_HTTP_PORT", Integer.toString(ports.clickhouseHttp())),
        Map.entry("TRAIL_FLINK_METRICS_PORT", Integer.toString(ports.flinkMetrics())),
        Map.entry("TRAIL_SMTP_PORT", Integer.toString(ports.smtp())),
        Map.entry("TRAIL_IMAP_PORT", Integer.toString(ports.imap())),
        Map.entry("TRAIL_MAIL_API_PORT", Integer.toString(ports.mailApi())));
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

  /** Job options over the stack's ({@code key=value} lines; see the README's option table). */
  public Path engineOptionsFile() {
    return confDir().resolve("engine.properties");
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
   * The local mail server's SMTP endpoint, where the engine sends notification email: plain SMTP,
   * no TLS, and any user name and password (or none) accepted.
   */
  public HostPort smtp() {
    return new HostPort(LOOPBACK, ports.smtp());
  }

  /**
   * The local mail server's IMAP endpoint: every mailbox opens with its address as both user name
   * and password (see {@link io.activitytrail.stack.mail.MailboxReader}).
   */
  public HostPort imap() {
    return new HostPort(LOOPBACK, ports.imap());
  }

  /** GreenMail's HTTP API (readiness, the list of mailboxes, purge). */
  public String mailApiUrl() {
    return "http://" + LOOPBACK + ":" + ports.mailApi();
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

  public Path mailJar() {
    return repoRoot.resolve("infra/runtime/mail/target/greenmail/greenmail-standalone.jar");
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
