package io.activitytrail.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debezium.config.Configuration;
import io.debezium.connector.postgresql.PostgresConnectorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The deployable connector JSON, checked against Debezium 3.6's own configuration definitions. */
@DisplayName("infra/connect/helpdesk-postgres.json")
class ConnectorConfigTest {
  private static final Path FILE = Path.of("..", "infra", "connect", "helpdesk-postgres.json");

  /** Keys that Kafka Connect itself reads, not the connector. */
  private static final Pattern CONNECT_KEYS =
      Pattern.compile(
          "connector\\.class|tasks\\.max|(key|value)\\.converter(\\..+)?|topic\\.creation\\..+");

  private static JsonNode file;
  private static Map<String, String> config;

  @BeforeAll
  static void read() throws IOException {
    file = new ObjectMapper().readTree(Files.readString(FILE));
    config = new LinkedHashMap<>();
    file.get("config")
        .fields()
        .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
  }

  @Test
  @DisplayName("is {name, config} with the name the launcher PUTs to, and only string values")
  void shape() {
    assertThat(file.get("name").asText()).isEqualTo("helpdesk-postgres");
    assertThat(file.get("config").properties())
        .allSatisfy(e -> assertThat(e.getValue().isTextual()).as(e.getKey()).isTrue());
  }

  @Test
  @DisplayName(
      "every key is either a Kafka Connect key or a field the PostgreSQL connector defines (no typos)")
  void everyKeyIsKnown() {
    Set<String> debeziumFields = PostgresConnectorConfig.ALL_FIELDS.allFieldNames();
    List<String> unknown =
        config.keySet().stream()
            .filter(k -> !CONNECT_KEYS.matcher(k).matches() && !debeziumFields.contains(k))
            .toList();
    assertThat(unknown).as("keys unknown to Debezium 3.6 PostgresConnectorConfig").isEmpty();
  }

  @Test
  @DisplayName("every value passes the connector's own validation")
  void valuesValidate() {
    Map<String, ConfigValue> results =
        Configuration.from(config).validate(PostgresConnectorConfig.ALL_FIELDS);
    Map<String, List<String>> errors =
        results.values().stream()
            .filter(v -> !v.errorMessages().isEmpty())
            .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    assertThat(errors).isEmpty();
  }

  @Test
  @DisplayName(
      "captures what the pipeline needs: transactions, both message prefixes, typed JSON records")
  void pipelineRequirements() {
    assertThat(config)
        .containsEntry("plugin.name", "pgoutput")
        .containsEntry("provide.transaction.metadata", "true")
        .containsEntry("key.converter.schemas.enable", "true")
        .containsEntry("value.converter.schemas.enable", "true")
        .containsEntry("decimal.handling.mode", "string");
    List<Pattern> prefixes =
        Pattern.compile(",")
            .splitAsStream(config.get("message.prefix.include.list"))
            .map(Pattern::compile)
            .toList();
    assertThat(prefixes).anySatisfy(p -> assertThat(p.matcher("trail.context").matches()).isTrue());
    assertThat(prefixes).anySatisfy(p -> assertThat(p.matcher("trail.event").matches()).isTrue());
    assertThat(prefixes)
        .noneSatisfy(p -> assertThat(p.matcher("trailXcontext").matches()).isTrue());
  }
}
