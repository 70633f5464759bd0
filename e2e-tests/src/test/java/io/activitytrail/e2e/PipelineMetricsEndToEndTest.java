package io.activitytrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.clickhouse.sink.PipelineMetrics;
import io.activitytrail.ingest.simulate.HelpdeskSimulator;
import io.activitytrail.ingest.simulate.SimulatorOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engine's Prometheus endpoint on the real stack, as {@code trail status --json} names it:
 * after a helpdesk workload, every stage has counted events and the lag summary has samples.
 */
class PipelineMetricsEndToEndTest {

  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(90);
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @DisplayName(
      "after traffic, /metrics shows events per stage, the commit-to-stored lag and checkpoints")
  @SuppressWarnings("unchecked")
  void metricsAfterTraffic() throws Exception {
    E2eStack stack = E2eStack.shared();
    Map<String, Object> metrics = (Map<String, Object>) stack.statusJson().get("metrics");
    String url = (String) metrics.get("pipeline");
    assertThat(url).endsWith("/metrics");
    assertThat((String) metrics.get("api")).isEqualTo(stack.apiUrl() + "/metrics");
    double storedBefore = sum(scrape(url), PipelineMetrics.EVENTS, "stage=\"sink\"");

    Map<String, String> pg = stack.postgres();
    new HelpdeskSimulator(
            pg.get("url"), pg.get("user"), pg.get("password"), SimulatorOptions.defaults())
        .run(40, Duration.ofSeconds(60), 20);

    String text = awaitStored(url, storedBefore);
    for (String stage : new String[] {"decode", "attribute", "sequence", "normalize", "sink"}) {
      assertThat(sum(text, PipelineMetrics.EVENTS, "stage=\"" + stage + "\""))
          .as("events of stage %s", stage)
          .isPositive();
    }
    assertThat(sum(text, PipelineMetrics.END_TO_END_LAG_MS + "_count", "")).isPositive();
    assertThat(text)
        .containsPattern(
            Pattern.quote(PipelineMetrics.END_TO_END_LAG_MS) + "\\{[^}]*quantile=\"0.99\"");
    List<String> names = new ArrayList<>(PipelineMetrics.PROMETHEUS_NAMES);
    names.addAll(PipelineMetrics.EMAIL_NAMES); // the stack sends email
    for (String name : names) {
      if (!name.equals(PipelineMetrics.DEAD_LETTERS)) { // none unless something was refused
        assertThat(text).as(name).containsPattern("(?m)^" + Pattern.quote(name) + "[{ ]");
      }
    }
  }

  /** Scrapes until the sink has stored events since {@code before}; e2e waits, bounded. */
  private String awaitStored(String url, double before) throws Exception {
    long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
    String text = scrape(url);
    while (sum(text, PipelineMetrics.EVENTS, "stage=\"sink\"") <= before) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the sink stored nothing within " + VISIBLE_WITHIN + "; last scrape:\n" + text);
      }
      TrailApi.sleep(1_000);
      text = scrape(url);
    }
    return text;
  }

  private String scrape(String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static double sum(String text, String name, String label) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(text);
    double total = 0;
    while (m.find()) {
      if (m.group(1).contains(label)) {
        total += Double.parseDouble(m.group(2));
      }
    }
    return total;
  }
}
