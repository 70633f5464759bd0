package io.activitytrail.bench.queries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** The timed questions asked through the HTTP API, as an admin of the largest workspace. */
final class ApiProbe {

  private static final ObjectMapper JSON = new ObjectMapper();

  // HTTP/1.1 as the API speaks it: the default (HTTP/2) would offer an h2c upgrade on each new
  // connection.
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;
  private final String token;
  private final BenchTargets targets;

  ApiProbe(String baseUrl, String token, BenchTargets targets) {
    this.base = baseUrl + "/v1/workspaces/" + BenchTargets.WORKSPACE;
    this.token = token;
    this.targets = targets;
  }

  /** One request of the query, checked for 200 and returning the number of items. */
  int ask(BenchQuery query) {
    String limit = "limit=" + BenchTargets.PAGE;
    String path =
        switch (query) {
          case FEED -> "/activities?" + limit;
          case FEED_USER -> "/activities?" + limit + "&actor=" + encode(targets.user());
          case FEED_TYPE -> "/activities?" + limit + "&type=" + BenchTargets.TYPE;
          case TIMELINE -> "/records/ticket/" + encode(targets.ticket()) + "/timeline?" + limit;
          case AUDIT -> "/audit-events?" + limit;
        };
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return items(response.body());
  }

  Supplier<Integer> asker(BenchQuery query) {
    return () -> ask(query);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("API request failed: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static int items(String body) {
    try {
      JsonNode items = JSON.readTree(body).path("items");
      return items.size();
    } catch (IOException e) {
      throw new UncheckedIOException("API answer is not JSON: " + body, e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
