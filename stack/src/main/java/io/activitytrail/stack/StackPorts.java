package io.activitytrail.stack;

import java.util.Map;

/** The loopback ports of the local stack; each one can be moved with an environment variable. */
public record StackPorts(
    int postgres,
    int kafka,
    int kafkaController,
    int connect,
    int registry,
    int registryManagement,
    int api,
    int clickhouseHttp,
    int flinkMetrics,
    int smtp,
    int imap,
    int mailApi) {

  public StackPorts {
    checkPort("postgres", postgres);
    checkPort("kafka", kafka);
    checkPort("kafka controller", kafkaController);
    checkPort("connect", connect);
    checkPort("registry", registry);
    checkPort("registry management", registryManagement);
    checkPort("api", api);
    checkPort("clickhouse http", clickhouseHttp);
    checkPort("flink metrics", flinkMetrics);
    checkPort("smtp", smtp);
    checkPort("imap", imap);
    checkPort("mail api", mailApi);
  }

  public static StackPorts defaults() {
    return new StackPorts(
        15432, 19092, 19093, 18083, 18081, 19081, 18080, 18123, 19249, 13025, 13143, 13080);
  }

  /** Reads TRAIL_POSTGRES_PORT, TRAIL_KAFKA_PORT, ... falling back to {@link #defaults()}. */
  public static StackPorts fromEnvironment(Map<String, String> env) {
    StackPorts d = defaults();
    return new StackPorts(
        port(env, "TRAIL_POSTGRES_PORT", d.postgres),
        port(env, "TRAIL_KAFKA_PORT", d.kafka),
        port(env, "TRAIL_KAFKA_CONTROLLER_PORT", d.kafkaController),
        port(env, "TRAIL_CONNECT_PORT", d.connect),
        port(env, "TRAIL_REGISTRY_PORT", d.registry),
        port(env, "TRAIL_REGISTRY_MANAGEMENT_PORT", d.registryManagement),
        port(env, "TRAIL_API_PORT", d.api),
        port(env, "TRAIL_CLICKHOUSE_HTTP_PORT", d.clickhouseHttp),
        port(env, "TRAIL_FLINK_METRICS_PORT", d.flinkMetrics),
        port(env, "TRAIL_SMTP_PORT", d.smtp),
        port(env, "TRAIL_IMAP_PORT", d.imap),
        port(env, "TRAIL_MAIL_API_PORT", d.mailApi));
  }

  private static int port(Map<String, String> env, String variable, int fallback) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          variable + " must be a port number (1-65535), got '" + value + "'");
    }
  }

  private static void checkPort(String piece, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "the " + piece + " port must be between 1 and 65535, got " + port);
    }
  }
}
