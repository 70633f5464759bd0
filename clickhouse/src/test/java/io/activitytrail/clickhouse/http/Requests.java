package io.activitytrail.clickhouse.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain HTTP requests to the interface, as curl would send them. */
final class Requests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Requests() {}

  /** POSTs {@code sql} with basic auth and {@code params} in the URL. */
  static HttpResponse<String> post(String sql, Map<String, String> params) {
    return send(
        HttpRequest.newBuilder(uri(params))
            .header(
                "Authorization",
                basic(SqlInterface.CREDENTIALS.user(), SqlInterface.CREDENTIALS.password()))
            .POST(HttpRequest.BodyPublishers.ofString(sql)));
  }

  static HttpResponse<String> post(String sql) {
    return post(sql, Map.of());
  }

  static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static URI uri(Map<String, String> params) {
    Map<String, String> all = new LinkedHashMap<>(params);
    String query =
        all.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return URI.create(SqlInterface.url() + "/" + (query.isEmpty() ? "" : "?" + query));
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
