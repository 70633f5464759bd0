package io.activitytrail.stack;

import io.activitytrail.clickhouse.http.SqlCredentials;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What runs and where; {@link #toJson()} is the contract of {@code trail status --json}. */
public record StackStatus(StackConfig config, List<ServiceStatus> services) {

  public boolean allRunning() {
    return services.stream().allMatch(ServiceStatus::running);
  }

  public boolean anyRunning() {
    return services.stream().anyMatch(ServiceStatus::running);
  }

  public ServiceStatus service(ServiceId id) {
    return services.stream().filter(s -> s.service() == id).findFirst().orElseThrow();
  }

  /** Flat endpoint keys (stable names other tools read) plus one object per service. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("home", config.home().toString());
    json.put("running", allRunning());
    json.put("postgres_jdbc_url", config.postgresJdbcUrl());
    json.put("postgres_user", StackConfig.POSTGRES_USER);
    json.put("postgres_password", StackConfig.POSTGRES_PASSWORD);
    json.put("kafka_bootstrap", config.kafkaBootstrap());
    json.put("connect_url", config.connectUrl());
    json.put("registry_url", config.registryUrl());
    Map<String, Object> clickhouse = new LinkedHashMap<>();
    clickhouse.put("mode", "embedded");
    clickhouse.put("path", config.clickHousePath().toString());
    clickhouse.put("database", StackConfig.CLICKHOUSE_DATABASE);
    clickhouse.put("read_through", config.apiUrl());
    json.put("clickhouse", clickhouse);
    Map<String, Object> http = new LinkedHashMap<>();
    http.put("url", config.clickHouseHttpUrl());
    SqlCredentials credentials = config.clickHouseHttpCredentials();
    http.put("user", credentials == null ? null : credentials.user());
    http.put("password", credentials == null ? null : credentials.password());
    http.put("database", StackConfig.CLICKHOUSE_DATABASE);
    json.put("clickhouse_http", http);
    json.put("api_url", config.apiUrl());
    json.put("smtp", config.smtp().toJson());
    json.put("imap", config.imap().toJson());
    json.put("mail_api_url", config.mailApiUrl());
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("pipeline", config.pipelineMetricsUrl());
    metrics.put("api", config.apiMetricsUrl());
    json.put("metrics", metrics);
    Map<String, Object> services = new LinkedHashMap<>();
    for (ServiceStatus s : this.services) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("pid", s.pid().isPresent() ? s.pid().getAsLong() : null);
      one.put("running", s.running());
      one.put("endpoint", s.endpoint());
      one.put("log", s.log().toString());
      services.put(s.service().key(), one);
    }
    json.put("services", services);
    return json;
  }
}
