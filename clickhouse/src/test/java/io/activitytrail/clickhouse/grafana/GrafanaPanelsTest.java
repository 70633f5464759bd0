package io.activitytrail.clickhouse.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.clickhouse.ComplianceDataset;
import io.activitytrail.clickhouse.sql.ReadOnlyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ClickHouse panel and variable query of infra/grafana/dashboards, expanded as Grafana would
 * (the dataset's month, workspace acme, every type; the pipeline dashboard over the last day, when
 * the dataset was written) and run on the read-only store: it must answer with rows.
 */
class GrafanaPanelsTest {

  private static final Path DASHBOARDS = Path.of("../infra/grafana/dashboards");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLICKHOUSE = "grafana-clickhouse-datasource";

  static Stream<Arguments> queries() throws IOException {
    List<Arguments> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      for (Path file : files.sorted().toList()) {
        JsonNode dashboard = JSON.readTree(file.toFile());
        String name = file.getFileName().toString();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
          if (CLICKHOUSE.equals(variable.path("datasource").path("type").asText())) {
            all.add(
                Arguments.of(
                    name + " variable " + variable.get("name").asText(),
                    name,
                    variable.get("query").asText()));
          }
        }
        for (JsonNode panel : dashboard.path("panels")) {
          for (JsonNode target : panel.path("targets")) {
            if (CLICKHOUSE.equals(target.path("datasource").path("type").asText())) {
              all.add(
                  Arguments.of(
                      name + " panel " + panel.get("title").asText(),
                      name,
                      target.get("rawSql").asText()));
            }
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  @DisplayName("each panel's SQL, macros expanded as the plugin does, returns rows on demo data")
  void panelAnswers(String title, String dashboard, String rawSql) {
    String sql = macros(dashboard).expand(rawSql);
    assertThat(sql).doesNotContain("$");

    String rows = ReadOnlyStore.run(sql, "TSV", Map.of());

    assertThat(rows).as("%s: %s", title, sql).isNotBlank();
  }

  @Test
  @DisplayName("the expander writes the plugin's own SQL for each macro")
  void expansions() {
    GrafanaMacros m =
        new GrafanaMacros(
            Instant.ofEpochMilli(1_415_792_726_123L),
            Instant.ofEpochMilli(1_447_328_726_456L),
            Duration.ofSeconds(20),
            Map.of(
                "type", new GrafanaMacros.Variable(List.of("a", "b"), false),
                "all", new GrafanaMacros.Variable(List.of("x"), true)));
    assertThat(m.expand("$__timeFilter(t)"))
        .isEqualTo("t >= toDateTime(1415792726) AND t <= toDateTime(1447328726)");
    assertThat(m.expand("$__timeFilter_ms(t)"))
        .isEqualTo(
            "t >= fromUnixTimestamp64Milli(1415792726123) AND t <= fromUnixTimestamp64Milli(1447328726456)");
    assertThat(m.expand("$__fromTime $__toTime"))
        .isEqualTo("toDateTime(1415792726) toDateTime(1447328726)");
    assertThat(m.expand("$__timeInterval(t)"))
        .isEqualTo("toStartOfInterval(toDateTime(t), INTERVAL 20 second)");
    assertThat(m.expand("$__conditionalAll(type IN (${type:singlequote}), $type)"))
        .isEqualTo("type IN ('a','b')");
    assertThat(m.expand("$__conditionalAll(x IN (${all:singlequote}), $all)")).isEqualTo("1=1");
  }

  private static GrafanaMacros macros(String dashboard) {
    boolean pipeline = dashboard.startsWith("pipeline");
    Instant from = pipeline ? Instant.now().minus(Duration.ofDays(1)) : ComplianceDataset.FROM;
    Instant to = pipeline ? Instant.now().plus(Duration.ofMinutes(1)) : ComplianceDataset.TO;
    return new GrafanaMacros(
        from,
        to,
        pipeline ? Duration.ofMinutes(1) : Duration.ofHours(6),
        Map.of(
            "workspace", new GrafanaMacros.Variable(List.of("acme"), false),
            "type", new GrafanaMacros.Variable(List.of("$__all"), true)));
  }
}
