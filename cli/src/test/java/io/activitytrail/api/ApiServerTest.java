package io.activitytrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.stack.Http;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ApiServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> calls = new ArrayList<>();
  private final AtomicReference<String> jobState = new AtomicReference<>("RUNNING");
  private ApiServer server;

  /** Records what the API asked for; answers with the fixture activity. */
  private final ActivitySource source =
      new ActivitySource() {
        @Override
        public List<ActivityEvent> feed(String workspace, int limit) {
          calls.add("feed " + workspace + " " + limit);
          return List.of(Activities.ticketStatusChanged());
        }

        @Override
        public List<ActivityEvent> timeline(String workspace, String type, String id, int limit) {
          calls.add("timeline " + workspace + " " + type + " " + id + " " + limit);
          return List.of(Activities.ticketStatusChanged());
        }
      };

  @BeforeEach
  void start() throws Exception {
    server = ApiServer.start(0, source, jobState::get);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  @Test
  @DisplayName("the feed answers the golden JSON page: snake_case, UTC millis, no sensitive values")
  void feedGolden() throws Exception {
    Http.Response response = Http.get(url("/v1/workspaces/acme/activities?limit=20"));

    assertThat(response.status()).isEqualTo(200);
    JsonNode expected = JSON.readTree(Path.of("src/test/resources/golden/feed-page.json").toFile());
    assertThat(JSON.readTree(response.body())).isEqualTo(expected);
    assertThat(calls).containsExactly("feed acme 20");
  }

  @Test
  @DisplayName("the timeline passes workspace, record type, id and limit through")
  void timeline() throws Exception {
    Http.Response response = Http.get(url("/v1/workspaces/acme/records/ticket/42/timeline"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(calls).containsExactly("timeline acme ticket 42 200");
  }

  @Test
  @DisplayName("a bad limit gets 400 with a JSON error naming the parameter")
  void badParameter() throws Exception {
    Http.Response response = Http.get(url("/v1/workspaces/acme/activities?limit=0"));
    assertThat(response.status()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("parameter").asText()).isEqualTo("limit");
    assertThat(calls).isEmpty();
  }

  @Test
  @DisplayName("/health is 200 only while the job runs, 503 otherwise, naming the job state")
  void health() throws Exception {
    assertThat(Http.get(url("/health")).status()).isEqualTo(200);
    jobState.set("RESTARTING");
    Http.Response degraded = Http.get(url("/health"));
    assertThat(degraded.status()).isEqualTo(503);
    assertThat(JSON.readTree(degraded.body()).get("job").asText()).isEqualTo("RESTARTING");
  }

  @Test
  @DisplayName("unknown paths get 404 JSON")
  void unknownPath() throws Exception {
    assertThat(Http.get(url("/v1/nothing")).status()).isEqualTo(404);
  }
}
