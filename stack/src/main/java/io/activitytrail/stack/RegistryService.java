package io.activitytrail.stack;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Apicurio Registry (Confluent-compatible API), storing schemas in an H2 file under .trail. */
final class RegistryService implements ManagedService {

  private final StackConfig config;
  private final Map<String, String> env;

  RegistryService(StackConfig config, Map<String, String> env) {
    this.config = config;
    this.env = env;
  }

  @Override
  public ServiceId id() {
    return ServiceId.REGISTRY;
  }

  @Override
  public Map<Integer, String> ports() {
    Map<Integer, String> ports = new LinkedHashMap<>();
    ports.put(config.ports().registry(), "registry");
    ports.put(config.ports().registryManagement(), "registry management");
    return ports;
  }

  @Override
  public void prepare(Deadline deadline) throws Exception {
    if (!Files.isRegularFile(config.registryJar())) {
      throw new StackException(
          "registry",
          "Apicurio Registry " + config.registryJar() + " is missing: run scripts/setup");
    }
    Files.createDirectories(config.dataDir("registry"));
    JavaRuntimes.java21(env);
  }

  @Override
  public List<String> command() {
    return JvmCommand.of(
        config,
        id(),
        JavaRuntimes.java21(env),
        "384m",
        List.of(
            "-Dquarkus.http.host=127.0.0.1",
            "-Dquarkus.http.port=" + config.ports().registry(),
            // The management interface is built in as 0.0.0.0:9000: moved to loopback, own port.
            "-Dquarkus.management.host=127.0.0.1",
            "-Dquarkus.management.port=" + config.ports().registryManagement(),
            "-Dapicurio.datasource.url=jdbc:h2:file:" + config.dataDir("registry").resolve("db"),
            "-Dapicurio.datasource.jdbc.initial-size=2",
            "-Dapicurio.datasource.jdbc.min-size=2",
            "-Dapicurio.datasource.jdbc.max-size=10",
            "-Dapicurio.storage.snapshot.location=" + config.tmpDir(id().key()),
            "-jar",
            config.registryJar().toString()));
  }

  @Override
  public boolean isReady() throws Exception {
    return Http.get(config.registryUrl() + "/subjects").ok();
  }
}
