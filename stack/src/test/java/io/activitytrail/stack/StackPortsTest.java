package io.activitytrail.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activitytrail.stack.mail.HostPort;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StackPortsTest {

  @Test
  @DisplayName("without environment variables the documented default ports apply")
  void defaults() {
    StackPorts ports = StackPorts.fromEnvironment(Map.of());
    assertThat(ports)
        .isEqualTo(
            new StackPorts(
                15432, 19092, 19093, 18083, 18081, 19081, 18080, 18123, 19249, 13025, 13143,
                13080));
  }

  @Test
  @DisplayName("TRAIL_*_PORT variables move single ports and leave the others alone")
  void overrides() {
    StackPorts ports =
        StackPorts.fromEnvironment(
            Map.of("TRAIL_POSTGRES_PORT", "25432", "TRAIL_API_PORT", " 28080 "));
    assertThat(ports.postgres()).isEqualTo(25432);
    assertThat(ports.api()).isEqualTo(28080);
    assertThat(ports.kafka()).isEqualTo(19092);
  }

  @Test
  @DisplayName("a port variable that is not a number names the variable and the value")
  void notANumber() {
    assertThatThrownBy(() -> StackPorts.fromEnvironment(Map.of("TRAIL_KAFKA_PORT", "kafka")))
        .hasMessageContaining("TRAIL_KAFKA_PORT")
        .hasMessageContaining("'kafka'");
  }

  @Test
  @DisplayName("a port outside 1-65535 names the piece")
  void outOfRange() {
    assertThatThrownBy(() -> StackPorts.fromEnvironment(Map.of("TRAIL_CONNECT_PORT", "70000")))
        .hasMessageContaining("connect port")
        .hasMessageContaining("70000");
  }

  @Test
  @DisplayName("toEnvironment round-trips home and every port through fromEnvironment")
  void environmentRoundTrip() {
    StackConfig config =
        new StackConfig(
            Path.of("/repo"),
            Path.of("/tmp/e2e-home"),
            new StackPorts(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
    Map<String, String> env = config.toEnvironment();
    assertThat(StackPorts.fromEnvironment(env)).isEqualTo(config.ports());
    assertThat(env).containsEntry("TRAIL_HOME", "/tmp/e2e-home");
  }

  @Test
  @DisplayName("endpoints and state folders follow the configured home and ports")
  void layout() {
    StackConfig config = new StackConfig(Path.of("/repo"), Path.of("/h"), StackPorts.defaults());
    assertThat(config.postgresJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15432/helpdesk");
    assertThat(config.registryUrl()).isEqualTo("http://127.0.0.1:18081/apis/ccompat/v7");
    assertThat(config.pipelineMetricsUrl()).isEqualTo("http://127.0.0.1:19249/metrics");
    assertThat(config.pidFile(ServiceId.ENGINE)).isEqualTo(Path.of("/h/run/engine.pid"));
    assertThat(config.logFile(ServiceId.KAFKA)).isEqualTo(Path.of("/h/logs/kafka.log"));
    assertThat(config.connectorJson())
        .isEqualTo(Path.of("/repo/infra/connect/helpdesk-postgres.json"));
  }

  @Test
  @DisplayName("the mail piece: SMTP 13025, IMAP 13143 and its API 13080 on loopback, each movable")
  void mail() {
    StackConfig config = new StackConfig(Path.of("/repo"), Path.of("/h"), StackPorts.defaults());
    assertThat(config.smtp()).isEqualTo(new HostPort("127.0.0.1", 13025));
    assertThat(config.imap()).isEqualTo(new HostPort("127.0.0.1", 13143));
    assertThat(config.mailApiUrl()).isEqualTo("http://127.0.0.1:13080");
    assertThat(config.mailJar())
        .isEqualTo(Path.of("/repo/infra/runtime/mail/target/greenmail/greenmail-standalone.jar"));
    assertThat(config.logFile(ServiceId.MAIL)).isEqualTo(Path.of("/h/logs/mail.log"));

    StackPorts moved =
        StackPorts.fromEnvironment(
            Map.of(
                "TRAIL_SMTP_PORT",
                "33025",
                "TRAIL_IMAP_PORT",
                "33143",
                "TRAIL_MAIL_API_PORT",
                "33080"));
    assertThat(List.of(moved.smtp(), moved.imap(), moved.mailApi()))
        .containsExactly(33025, 33143, 33080);
    assertThatThrownBy(() -> StackPorts.fromEnvironment(Map.of("TRAIL_IMAP_PORT", "0")))
        .hasMessageContaining("imap port");
  }
}
