package io.activitytrail.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A Kafka Connect worker in distributed mode running the Debezium PostgreSQL connector. */
final class ConnectService implements ManagedService {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StackConfig config;
  private final ConnectorDefinition connector;

  ConnectService(StackConfig config, ConnectorDefinition connector) {
    this.config = config;
    this.connector = connector;
  }

  @Override
  public ServiceId id() {
    return ServiceId.CONNECT;
  }

  @Override
  public Map<Integer, String> ports() {
    return Map.of(config.ports().connect(), "connect");
  }

  private Path plugins() {
    return config.home().resolve("connect-plugins");
  }

  private Path properties() {
    return config.confDir().resolve("connect/worker.properties");
  }

  @Override
  public void prepare(Deadline deadline) throws Exception {
    syncPlugins();
    Files.createDirectories(properties().getParent());
    Files.writeString(properties(), workerProperties());
  }

  /**
   * Copies the plugin folder under .trail and writes its service manifests once per build of it:
   * with {@code plugin.discovery=service_load} the worker starts in ~3 s instead of ~8 s, but only
   * finds plugins that have manifests (the Apicurio converter has none of its own).
   */
  private void syncPlugins() throws IOException, InterruptedException {
    Path source = config.connectPluginsSource();
    if (!Files.isDirectory(source)) {
      throw new StackException(
          "connect", "the Connect plugin folder " + source + " is missing: run scripts/setup");
    }
    String fingerprint = fingerprint(source);
    Path stamp = plugins().resolve(".synced-from");
    if (Files.exists(stamp) && Files.readString(stamp).equals(fingerprint)) {
      return;
    }
    PostgresBinaries.deleteTree(plugins());
    try (Stream<Path> all = Files.walk(source)) {
      for (Path p : all.toList()) {
        Path target = plugins().resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    List<String> sync =
        JvmCommand.of(
            config,
            id(),
            JavaRuntimes.current(),
            "256m",
            List.of(
                "-cp",
                config.kafkaLib() + "/*",
                "org.apache.kafka.tools.ConnectPluginPath",
                "sync-manifests",
                "--plugin-path",
                plugins().toString()));
    ProcessControl.runToCompletion(sync, config.logFile(id()), Duration.ofMinutes(2));
    Files.writeString(stamp, fingerprint);
  }

  private static String fingerprint(Path source) throws IOException {
    StringBuilder s = new StringBuilder();
    try (Stream<Path> all = Files.walk(source)) {
      for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
        s.append(source.relativize(p))
            .append(' ')
            .append(Files.size(p))
            .append(' ')
            .append(Files.getLastModifiedTime(p).toMillis())
            .append('\n');
      }
    }
    return s.toString();
  }

  String workerProperties() {
    return String.join(
        "\n",
        "bootstrap.servers=" + config.kafkaBootstrap(),
        "group.id=trail-connect",
        "key.converter=org.apache.kafka.connect.json.JsonConverter",
        "value.converter=org.apache.kafka.connect.json.JsonConverter",
        "key.converter.schemas.enable=false",
        "value.converter.schemas.enable=false",
        "config.storage.topic=_connect-configs",
        "offset.storage.topic=_connect-offsets",
        "status.storage.topic=_connect-status",
        "config.storage.replication.factor=1",
        "offset.storage.replication.factor=1",
        "status.storage.replication.factor=1",
        "offset.flush.interval.ms=1000",
        "plugin.path=" + plugins(),
        "plugin.discovery=service_load",
        "listeners=http://127.0.0.1:" + config.ports().connect(),
        "rest.advertised.host.name=127.0.0.1",
        "rest.advertised.port=" + config.ports().connect(),
        "");
  }

  @Override
  public List<String> command() {
    return JvmCommand.of(
        config,
        id(),
        JavaRuntimes.current(),
        "512m",
        List.of(
            "-cp",
            config.kafkaLib() + "/*",
            "org.apache.kafka.connect.cli.ConnectDistributed",
            properties().toString()));
  }

  @Override
  public boolean isReady() throws Exception {
    return Http.get(config.connectUrl() + "/connectors").ok();
  }

  /** Registers (or updates) the connector and waits until it and its task run. */
  @Override
  public void afterReady(Deadline deadline) throws Exception {
    ConnectorDefinition definition = connector.forStack(config);
    String base = config.connectUrl() + "/connectors/" + definition.name();
    deadline.await(
        "connector " + definition.name() + " accepted",
        () -> {
          Http.Response put = Http.putJson(base + "/config", definition.configJson());
          if (put.status() == 409) {
            return false; // the worker is still rebalancing
          }
          if (!put.ok()) {
            throw new StackException(
                "connect",
                config.logFile(id()),
                "PUT " + base + "/config answered " + put.status() + ": " + put.body(),
                null);
          }
          return true;
        });
    deadline.await("connector " + definition.name() + " and its task RUNNING", () -> running(base));
  }

  private boolean running(String base) throws Exception {
    Http.Response response = Http.get(base + "/status");
    if (!response.ok()) {
      return false;
    }
    JsonNode status = JSON.readTree(response.body());
    failure(status.path("connector"), "connector");
    boolean tasksRunning = status.path("tasks").size() > 0;
    for (JsonNode task : status.path("tasks")) {
      failure(task, "task " + task.path("id").asText());
      tasksRunning &= "RUNNING".equals(task.path("state").asText());
    }
    return tasksRunning && "RUNNING".equals(status.path("connector").path("state").asText());
  }

  private void failure(JsonNode state, String what) {
    if ("FAILED".equals(state.path("state").asText())) {
      throw new StackException(
          "connect",
          config.logFile(id()),
          "the connector's " + what + " FAILED:\n" + state.path("trace").asText("(no trace)"),
          null);
    }
  }
}
