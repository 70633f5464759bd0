package io.activitytrail.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.api.ApiTokens;
import io.activitytrail.api.Role;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads activities the way the platform's UI does: through the engine's HTTP API. */
final class TrailApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  TrailApi(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  List<JsonNode> feed(String workspace, int limit) {
    return items("/v1/workspaces/" + enc(workspace) + "/activities?limit=" + limit);
  }

  List<JsonNode> audit(String workspace) {
    return items("/v1/workspaces/" + enc(workspace) + "/audit-events?limit=500");
  }

  List<JsonNode> timeline(String workspace, String recordType, String recordId) {
    return items(
        "/v1/workspaces/"
            + enc(workspace)
            + "/records/"
            + enc(recordType)
            + "/"
            + enc(recordId)
            + "/timeline?limit=500");
  }

  /** Polls the feed until the predicate holds on its items, or fails after the timeout. */
  List<JsonNode> awaitFeed(
      String workspace, Predicate<List<JsonNode>> done, Duration timeout, String what) {
    Instant deadline = Instant.now().plus(timeout);
    List<JsonNode> last = List.of();
    while (Instant.now().isBefore(deadline)) {
      last = feed(workspace, 500);
      if (done.test(last)) {
        return last;
      }
      sleep(250);
    }
    throw new AssertionError(
        "timed out after " + timeout + " waiting for " + what + "; last feed: " + last);
  }

  private List<JsonNode> items(String path) {
    List<JsonNode> items = new ArrayList<>();
    page(path).get("items").forEach(items::add);
    return items;
  }

  /** One page, {items, next_cursor}, read with an admin token of the path's workspace. */
  JsonNode page(String path) {
    String workspace = URLDecoder.decode(path.split("/")[3], StandardCharsets.UTF_8);
    String token =
        ApiTokens.mint(
            E2eStack.shared().apiSecret(),
            "e2e",
            workspace,
            Role.admin,
            Duration.ofMinutes(5),
            Instant.now());
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + path))
                  .header("Authorization", "Bearer " + token)
                  .timeout(Duration.ofSeconds(10))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError(
            "GET " + path + " -> " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
