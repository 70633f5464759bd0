package io.activitytrail.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/** A one-node KRaft Kafka broker from the jars laid out in infra/runtime/kafka. */
final class KafkaService implements ManagedService {

  private final StackConfig config;
  private final Set<String> topics;

  /**
   * @param topics created before any client needs them, so that the Flink job's topic-pattern
   *     subscription sees them from its first discovery
   */
  KafkaService(StackConfig config, Set<String> topics) {
    this.config = config;
    this.topics = topics;
  }

  @Override
  public ServiceId id() {
    return ServiceId.KAFKA;
  }

  @Override
  public Map<Integer, String> ports() {
    Map<Integer, String> ports = new LinkedHashMap<>();
    ports.put(config.ports().kafka(), "kafka");
    ports.put(config.ports().kafkaController(), "kafka controller");
    return ports;
  }

  private Path properties() {
    return config.confDir().resolve("kafka/server.properties");
  }

  private Path logDir() {
    return config.dataDir("kafka");
  }

  @Override
  public void prepare(Deadline deadline) throws Exception {
    if (!Files.isDirectory(config.kafkaLib())) {
      throw new StackException(
          "kafka", "the broker classpath " + config.kafkaLib() + " is missing: run scripts/setup");
    }
    Files.createDirectories(properties().getParent());
    Files.writeString(properties(), serverProperties());
    if (!Files.exists(logDir().resolve("meta.properties"))) {
      List<String> format =
          JvmCommand.of(
              config,
              id(),
              JavaRuntimes.current(),
              "256m",
              List.of(
                  "-cp",
                  config.kafkaLib() + "/*",
                  "kafka.tools.StorageTool",
                  "format",
                  "-t",
                  Uuid.randomUuid().toString(),
                  "-c",
                  properties().toString()));
      ProcessControl.runToCompletion(format, config.logFile(id()), Duration.ofMinutes(2));
    }
  }

  String serverProperties() {
    int port = config.ports().kafka();
    int controller = config.ports().kafkaController();
    return String.join(
        "\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controller,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "log.dirs=" + logDir(),
        "num.partitions=1",
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "");
  }

  @Override
  public List<String> command() {
    return JvmCommand.of(
        config,
        id(),
        JavaRuntimes.current(),
        "512m",
        List.of("-cp", config.kafkaLib() + "/*", "kafka.Kafka", properties().toString()));
  }

  @Override
  public boolean isReady() throws Exception {
    try (Admin admin = admin()) {
      return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
    }
  }

  @Override
  public void afterReady(Deadline deadline) throws Exception {
    try (Admin admin = admin()) {
      Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : topics) {
        if (!existing.contains(topic)) {
          missing.add(new NewTopic(topic, 1, (short) 1));
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      }
    }
  }

  private Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    return Admin.create(p);
  }
}
