package io.activitytrail.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.activitytrail.api.ApiMetricNames;
import io.activitytrail.clickhouse.sink.PipelineMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * infra/prometheus and the Prometheus panels of the pipeline dashboard, checked without Prometheus
 * (no promtool here): their structure, and that every metric they name is one the code registers
 * ({@link PipelineMetrics#PROMETHEUS_NAMES}, whose exposition PipelineMetricsTest checks through
 * Flink's own reporter, and {@link ApiMetricNames}).
 */
class PrometheusConfigTest {

  private static final Path INFRA = Path.of("../infra");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern METRIC = Pattern.compile("\\b(?:flink|trail)_[A-Za-z0-9_]+");
  private static final Pattern DURATION = Pattern.compile("\\d+[smh]");

  @Test
  @DisplayName(
      "the scrape configuration names the engine's and the API's default ports and the rules")
  void scrapeConfiguration() throws IOException {
    JsonNode config = YAML.readTree(INFRA.resolve("prometheus/prometheus.yml").toFile());
    for (JsonNode file : config.path("rule_files")) {
      assertThat(INFRA.resolve("prometheus").resolve(file.asText())).isRegularFile();
    }
    List<String> targets = new ArrayList<>();
    for (JsonNode job : config.path("scrape_configs")) {
      assertThat(job.path("job_name").asText()).isNotBlank();
      job.path("static_configs")
          .forEach(s -> s.path("targets").forEach(t -> targets.add(t.asText())));
    }
    StackPorts ports = StackPorts.defaults();
    assertThat(targets)
        .containsExactlyInAnyOrder("127.0.0.1:" + ports.flinkMetrics(), "127.0.0.1:" + ports.api());
  }

  @Test
  @DisplayName("every alert rule is complete and names only metrics the code registers")
  void alertRules() throws IOException {
    JsonNode rules = YAML.readTree(INFRA.resolve("prometheus/alerts.yml").toFile());
    Set<String> alerts = new LinkedHashSet<>();
    for (JsonNode group : rules.path("groups")) {
      assertThat(group.path("name").asText()).isNotBlank();
      for (JsonNode rule : group.path("rules")) {
        String alert = rule.path("alert").asText();
        assertThat(alerts.add(alert)).as("unique alert name %s", alert).isTrue();
        assertThat(rule.path("for").asText()).as(alert).matches(DURATION);
        assertThat(rule.path("labels").path("severity").asText())
            .as(alert)
            .isIn("warning", "critical");
        assertThat(rule.path("annotations").path("summary").asText()).as(alert).isNotBlank();
        assertNamesKnownMetrics(alert, rule.path("expr").asText());
      }
    }
    assertThat(String.join(" ", alerts)).contains("Lag", "DeadLetters");
    String text = Files.readString(INFRA.resolve("prometheus/alerts.yml"));
    assertThat(text).contains(PipelineMetrics.END_TO_END_LAG_MS, PipelineMetrics.DEAD_LETTERS);
  }

  @Test
  @DisplayName("the pipeline dashboard's Prometheus panels name only metrics the code registers")
  void dashboardPanels() throws IOException {
    JsonNode dashboard =
        JSON.readTree(INFRA.resolve("grafana/dashboards/pipeline-health.json").toFile());
    Set<String> named = new LinkedHashSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      if (!panel.path("datasource").path("type").asText().equals("prometheus")) {
        continue;
      }
      for (JsonNode target : panel.path("targets")) {
        named.addAll(
            assertNamesKnownMetrics(panel.path("title").asText(), target.path("expr").asText()));
      }
    }
    assertThat(named)
        .contains(
            PipelineMetrics.EVENTS,
            PipelineMetrics.END_TO_END_LAG_MS,
            PipelineMetrics.DEAD_LETTERS,
            PipelineMetrics.SINK_BATCH_SIZE,
            PipelineMetrics.SINK_WRITE_LATENCY_MS,
            PipelineMetrics.CHECKPOINT_DURATION_MS);
  }

  @Test
  @DisplayName("the check can fail: an unknown metric is caught")
  void unknownMetricIsCaught() {
    assertThat(known("flink_taskmanager_job_task_operator_trail_stage_event")).isFalse();
    assertThat(known(PipelineMetrics.END_TO_END_LAG_MS + "_count")).isTrue();
    assertThat(known(ApiMetricNames.REQUEST_DURATION + "_bucket")).isTrue();
  }

  /** The metric names of {@code expr}; fails when there is none or one is unknown. */
  private static Set<String> assertNamesKnownMetrics(String where, String expr) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = METRIC.matcher(expr);
    while (m.find()) {
      names.add(m.group());
    }
    assertThat(names).as("%s names a metric: %s", where, expr).isNotEmpty();
    for (String name : names) {
      assertThat(known(name)).as("%s: %s is a metric the code registers", where, name).isTrue();
    }
    return names;
  }

  private static boolean known(String name) {
    String base = name.replaceAll("_(count|sum|bucket)$", "");
    return PipelineMetrics.PROMETHEUS_NAMES.contains(base)
        || PipelineMetrics.EMAIL_NAMES.contains(base)
        || ApiMetricNames.ALL.contains(base)
        || ApiMetricNames.ALL.contains(name);
  }
}
