package io.activitytrail.stack;

import java.util.List;
import java.util.Map;

/**
 * The engine process ({@code trail service engine}): the Flink job in a MiniCluster, the embedded
 * ClickHouse it writes to, and the HTTP API that reads from it (chDB allows one process per path).
 */
final class EngineService implements ManagedService {

  private final StackConfig config;

  EngineService(StackConfig config) {
    this.config = config;
  }

  @Override
  public ServiceId id() {
    return ServiceId.ENGINE;
  }

  @Override
  public Map<Integer, String> ports() {
    return Map.of(
        config.ports().api(),
        "engine API",
        config.ports().clickhouseHttp(),
        "engine SQL interface",
        config.ports().flinkMetrics(),
        "engine metrics");
  }

  @Override
  public void prepare(Deadline deadline) {}

  @Override
  public List<String> command() {
    return JvmCommand.of(
        config,
        id(),
        JavaRuntimes.current(),
        "1g",
        List.of(
            "-Dtrail.repo=" + config.repoRoot(),
            "-cp",
            config.engineClasspath(),
            EngineMain.class.getName()));
  }

  @Override
  public Map<String, String> environment() {
    return config.toEnvironment();
  }

  @Override
  public boolean isReady() throws Exception {
    Http.Response health = Http.get(config.apiUrl() + "/health");
    return health.ok()
        && health.body().contains("\"RUNNING\"")
        && Http.get(config.clickHouseHttpUrl() + "/ping").ok()
        && Http.get(config.pipelineMetricsUrl()).ok();
  }
}
