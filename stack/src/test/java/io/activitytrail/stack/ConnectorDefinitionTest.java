package io.activitytrail.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorDefinitionTest {

  private static final Path FIXTURE = Path.of("src/test/resources/fixtures/connector.json");

  @Test
  @DisplayName("the user's connector JSON is pointed at the stack's PostgreSQL, all else kept")
  void forStack() {
    StackConfig stack =
        new StackConfig(
            Path.of("/r"),
            Path.of("/h"),
            StackPorts.fromEnvironment(java.util.Map.of("TRAIL_POSTGRES_PORT", "25432")));
    ConnectorDefinition local = ConnectorDefinition.read(FIXTURE).forStack(stack);

    assertThat(local.name()).isEqualTo("helpdesk-postgres");
    assertThat(local.config().get("database.hostname").asText()).isEqualTo("127.0.0.1");
    assertThat(local.config().get("database.port").asText()).isEqualTo("25432");
    assertThat(local.config().get("database.user").asText()).isEqualTo("trail");
    assertThat(local.config().get("database.dbname").asText()).isEqualTo("helpdesk");
    assertThat(local.config().get("connector.class").asText())
        .isEqualTo("io.debezium.connector.postgresql.PostgresConnector");
  }

  @Test
  @DisplayName("topics to create up front: one per captured table plus transaction and message")
  void topics() {
    assertThat(ConnectorDefinition.read(FIXTURE).topics())
        .containsExactly(
            "helpdesk.helpdesk.tickets",
            "helpdesk.helpdesk.customers",
            "helpdesk.helpdesk.assets",
            "helpdesk.transaction",
            "helpdesk.message");
  }

  @Test
  @DisplayName("a definition without name and config is rejected naming the file")
  void invalid(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.json"), "{\"config\": {}}");
    assertThatThrownBy(() -> ConnectorDefinition.read(file))
        .isInstanceOf(StackException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("\"name\"");
  }
}
