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
import java.net.http.HttpHeaders;
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
  /** The user the tokens name; only exports record it (as their requester). */
  static final String USER = "e2e-7";

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
    Answer answer = send("GET", path, bearer(workspace, Role.admin));
    if (answer.status() != 200) {
      throw new AssertionError("GET " + path + " -> " + answer.status() + ": " + answer.body());
    }
    return answer.json();
  }

  /** A response of any status, for the tests that check what a refusal says. */
  record Answer(int status, HttpHeaders headers, String body) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (status " + status + "): " + body, e);
      }
    }
  }

  /** Sends a request without a body; authorization is the whole header value, null for none. */
  Answer send(String method, String path, String authorization) {
    return send(method, path, authorization, null);
  }

  /** Sends a request with a JSON body (none when null). */
  Answer send(String method, String path, String authorization, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            // an export streams the whole workspace before answering
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** "Bearer <token>" for {@link #USER} in the workspace, signed with the stack's secret. */
  static String bearer(String workspace, Role role) {
    return "Bearer "
        + token(
            E2eStack.shared().apiSecret(), workspace, role, Duration.ofMinutes(5), Instant.now());
  }

  /** A token of {@link #USER}; the 401 cases sign some with another secret or in the past. */
  static String token(byte[] secret, String workspace, Role role, Duration ttl, Instant issuedAt) {
    return ApiTokens.mint(secret, USER, workspace, role, ttl, issuedAt);
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
