package io.activitytrail.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.activitytrail.flink.NormalizerOptions;
import io.activitytrail.mapping.MappingLoader;
import io.activitytrail.schemas.ContractTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The local stack as a Java API ({@code trail up/down/status} and the end-to-end tests): separate
 * processes tracked by PID files under {@code <home>/run}, all on 127.0.0.1.
 */
public final class LocalStack {

  /** Topics the pipeline writes itself, created up front like the connector's. */
  public static final List<String> PIPELINE_TOPICS =
      List.of(
          ContractTopics.DEAD_LETTERS,
          ContractTopics.ACTIVITIES,
          ContractTopics.AUDIT_EVENTS,
          ContractTopics.NOTIFICATIONS,
          ContractTopics.CHECKPOINTS);

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final StackConfig config;
  private final Map<String, String> env;
  private final ProcessControl control;
  private Consumer<String> progress = line -> {};

  private LocalStack(StackConfig config, Map<String, String> env) {
    this.config = config;
    this.env = env;
    this.control = new ProcessControl(config);
  }

  public static LocalStack create(StackConfig config) {
    return new LocalStack(config, System.getenv());
  }

  /** Receives one line per step of {@link #up}, for the command line. */
  public LocalStack onProgress(Consumer<String> progress) {
    this.progress = progress;
    return this;
  }

  public StackConfig config() {
    return config;
  }

  /**
   * Starts what is not running yet and waits until every piece is ready. On failure stops what this
   * call started and throws a {@link StackException} naming the piece and its log.
   */
  public StackStatus up(Duration timeout) {
    Deadline deadline = Deadline.after(timeout);
    Map<ServiceId, ManagedService> services = services();
    checkPorts(services);
    List<ServiceId> started = new ArrayList<>();
    try {
      // Registry, Kafka and mail start alongside PostgreSQL: on 2 cores the JVM starts overlap
      // well.
      start(services.get(ServiceId.POSTGRES), deadline, started);
      start(services.get(ServiceId.KAFKA), deadline, started);
      start(services.get(ServiceId.REGISTRY), deadline, started);
      start(services.get(ServiceId.MAIL), deadline, started);
      awaitReady(services.get(ServiceId.POSTGRES), deadline);
      awaitReady(services.get(ServiceId.KAFKA), deadline);
      // The engine's mail sender finds its SMTP server answering from its first notification.
      awaitReady(services.get(ServiceId.MAIL), deadline);
      start(services.get(ServiceId.CONNECT), deadline, started);
      start(services.get(ServiceId.ENGINE), deadline, started);
      awaitReady(services.get(ServiceId.CONNECT), deadline);
      awaitReady(services.get(ServiceId.REGISTRY), deadline);
      awaitReady(services.get(ServiceId.ENGINE), deadline);
    } catch (Throwable e) {
      // Whatever went wrong (even a linkage error), this run leaves nothing running it started.
      stopStarted(started);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw e instanceof StackException se
          ? se
          : new StackException("stack", null, e.toString(), e);
    }
    StackStatus status = status();
    writeStackFile(status);
    return status;
  }

  /** Stops every service of this home that runs, in reverse start order. */
  public void down() {
    List<ServiceId> order = new ArrayList<>(List.of(ServiceId.values()));
    java.util.Collections.reverse(order);
    Map<ServiceId, ManagedService> services = servicesForStop();
    for (ServiceId id : order) {
      try {
        if (control.stop(id, services.get(id).stopSignal())) {
          progress.accept("stopped " + id.key());
        }
      } catch (IOException e) {
        throw new StackException(id.key(), config.logFile(id), "cannot stop: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StackException(id.key(), "interrupted while stopping");
      }
    }
    try {
      Files.deleteIfExists(config.stackFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public StackStatus status() {
    List<ServiceStatus> list = new ArrayList<>();
    for (ServiceId id : ServiceId.values()) {
      OptionalLong pid = control.runningPid(id);
      list.add(new ServiceStatus(id, pid, pid.isPresent(), endpoint(id), config.logFile(id)));
    }
    return new StackStatus(config, list);
  }

  /**
   * Kills the service's process (SIGKILL, as a crash would) and starts it again, waiting until it
   * is ready: the end-to-end tests use it to show that a restart of the engine loses nothing.
   */
  public StackStatus restart(String service) {
    return restart(service, () -> {});
  }

  /**
   * As {@link #restart(String)}, running {@code whileDown} between the kill and the start: the
   * integrity tests change the engine's store as someone with access to its files could.
   */
  public StackStatus restart(String service, Runnable whileDown) {
    ServiceId id = ServiceId.fromKey(service);
    Map<ServiceId, ManagedService> services = services();
    Deadline deadline = Deadline.after(Duration.ofMinutes(3));
    try {
      control.stop(id, "KILL");
      whileDown.run();
      start(services.get(id), deadline, new ArrayList<>());
      awaitReady(services.get(id), deadline);
    } catch (IOException e) {
      throw new StackException(id.key(), config.logFile(id), e.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException(id.key(), "interrupted while restarting");
    }
    return status();
  }

  /**
   * A topic for every table the job's mapping reads, made before Debezium writes: a table's topic
   * made on its first row would be found by the job's source only at its next discovery, after
   * later transactions of other tables, so the first row of a table (a first follower, a first
   * setting) would reach the job out of commit order.
   */
  static List<String> mappedTableTopics(StackConfig config, String prefix) {
    String mappingFile =
        Engine.userOptions(config.engineOptionsFile()).get(NormalizerOptions.MAPPING_FILE);
    return MappingLoader.load(mappingFile).tables().keySet().stream()
        .map(table -> prefix + "." + table)
        .sorted()
        .toList();
  }

  private Map<ServiceId, ManagedService> services() {
    ConnectorDefinition connector = ConnectorDefinition.read(config.connectorJson());
    Set<String> topics = new LinkedHashSet<>(connector.topics());
    topics.addAll(mappedTableTopics(config, connector.topicPrefix()));
    topics.addAll(PIPELINE_TOPICS);
    Map<ServiceId, ManagedService> services = new EnumMap<>(ServiceId.class);
    services.put(ServiceId.POSTGRES, new PostgresService(config));
    services.put(ServiceId.KAFKA, new KafkaService(config, topics));
    services.put(ServiceId.REGISTRY, new RegistryService(config, env));
    services.put(ServiceId.CONNECT, new ConnectService(config, connector));
    services.put(ServiceId.MAIL, new MailService(config));
    services.put(ServiceId.ENGINE, new EngineService(config));
    return services;
  }

  /** Stopping needs no connector file: only the stop signals. */
  private Map<ServiceId, ManagedService> servicesForStop() {
    Map<ServiceId, ManagedService> services = new EnumMap<>(ServiceId.class);
    services.put(ServiceId.POSTGRES, new PostgresService(config));
    services.put(ServiceId.KAFKA, new KafkaService(config, Set.of()));
    services.put(ServiceId.REGISTRY, new RegistryService(config, env));
    services.put(ServiceId.CONNECT, new ConnectService(config, null));
    services.put(ServiceId.MAIL, new MailService(config));
    services.put(ServiceId.ENGINE, new EngineService(config));
    return services;
  }

  /** A port held by anything but our own running service is an error naming port and piece. */
  private void checkPorts(Map<ServiceId, ManagedService> services) {
    for (ManagedService service : services.values()) {
      if (control.runningPid(service.id()).isPresent()) {
        continue;
      }
      service
          .ports()
          .forEach(
              (port, label) -> {
                if (!PortCheck.isFree(port)) {
                  throw new StackException(
                      service.id().key(),
                      "port "
                          + port
                          + " ("
                          + label
                          + ") on 127.0.0.1 is in use by another process; stop it or choose"
                          + " another port (TRAIL_*_PORT, see trail up --help)");
                }
              });
    }
  }

  private void start(ManagedService service, Deadline deadline, List<ServiceId> started) {
    ServiceId id = service.id();
    if (control.runningPid(id).isPresent()) {
      progress.accept(
          id.key() + " already running (pid " + control.runningPid(id).getAsLong() + ")");
      return;
    }
    try {
      service.prepare(deadline);
      long pid = control.startDetached(id, service.command(), service.environment());
      started.add(id);
      progress.accept("started " + id.key() + " (pid " + pid + ")");
    } catch (StackException e) {
      throw e;
    } catch (Exception e) {
      throw new StackException(id.key(), config.logFile(id), "cannot start: " + e.getMessage(), e);
    }
  }

  private void awaitReady(ManagedService service, Deadline deadline) throws InterruptedException {
    ServiceId id = service.id();
    long startedAt = System.nanoTime();
    try {
      deadline.await(
          id.key() + " answering on " + endpoint(id),
          () -> {
            if (control.runningPid(id).isEmpty()) {
              throw new StackException(
                  id.key(), config.logFile(id), "the process exited during start-up", null);
            }
            return service.isReady();
          });
      service.afterReady(deadline);
    } catch (StackException e) {
      throw e.log().isPresent() ? e : withLog(id, e.getMessage(), e);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw withLog(id, e.getMessage(), e);
    }
    progress.accept(
        String.format(
            "%-8s ready in %.1f s  %s",
            id.key(), (System.nanoTime() - startedAt) / 1e9, endpoint(id)));
  }

  private StackException withLog(ServiceId id, String message, Throwable cause) {
    return new StackException(id.key(), config.logFile(id), message, cause);
  }

  private void stopStarted(List<ServiceId> started) {
    Map<ServiceId, ManagedService> services = servicesForStop();
    for (int i = started.size() - 1; i >= 0; i--) {
      ServiceId id = started.get(i);
      try {
        control.stop(id, services.get(id).stopSignal());
      } catch (IOException | InterruptedException e) {
        progress.accept("could not stop " + id.key() + ": " + e.getMessage());
      }
    }
  }

  private String endpoint(ServiceId id) {
    return switch (id) {
      case POSTGRES -> config.postgresJdbcUrl();
      case KAFKA -> config.kafkaBootstrap();
      case REGISTRY -> config.registryUrl();
      case CONNECT -> config.connectUrl();
      case MAIL -> "smtp://" + config.smtp() + " imap://" + config.imap();
      case ENGINE -> config.apiUrl();
    };
  }

  private void writeStackFile(StackStatus status) {
    try {
      Files.createDirectories(config.runDir());
      JSON.writeValue(config.stackFile().toFile(), status.toJson());
    } catch (IOException e) {
      throw new StackException("stack", null, "cannot write " + config.stackFile(), e);
    }
  }
}
