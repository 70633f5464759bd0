package io.activitytrail.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.api.ApiSecret;
import io.activitytrail.api.ApiTokens;
import io.activitytrail.api.Role;
import io.activitytrail.clickhouse.Page;
import io.activitytrail.stack.StackConfig;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How feed, timeline, audit and notifications reach the HTTP API: the local stack's engine with a
 * token minted from its secret (role admin, the local operator; for notifications, the user whose
 * they are), or any API with --api-url and --token. The API validates every filter, so the command
 * line and the API refuse the same values the same way.
 */
final class ActivityReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  static final String LOCAL_USER = "trail-cli";

  @Option(
      names = "--api-url",
      description =
          "Read from this API (e.g. https://trail.example.com) instead of the local stack.")
  String apiUrl;

  @Option(
      names = "--token",
      description =
          "Bearer token for --api-url (default: one minted from the local stack's secret).")
  String token;

  /** The query string under construction: name, value pairs in order, repeated names allowed. */
  static final class Query {
    private final List<String> pairs = new ArrayList<>();

    Query add(String name, Object value) {
      if (value != null) {
        pairs.add(encode(name) + "=" + encode(value.toString()));
      }
      return this;
    }

    Query addAll(String name, Collection<String> values) {
      if (values != null) {
        values.forEach(v -> add(name, v));
      }
      return this;
    }

    String text() {
      return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }
  }

  /** The first page of a workspace's feed, items only (the demo's progress check). */
  List<Map<String, Object>> feed(String workspace, int limit) throws Exception {
    return items(page(workspace, "/activities", new Query().add("limit", limit)));
  }

  /** The first page of one record's timeline, items only. */
  List<Map<String, Object>> timeline(
      String workspace, String recordType, String recordId, int limit) throws Exception {
    String path = "/records/" + encode(recordType) + "/" + encode(recordId) + "/timeline";
    return items(page(workspace, path, new Query().add("limit", limit)));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("items");
  }

  /** GETs one page and returns it as the API sent it: {items, next_cursor}. */
  Map<String, Object> page(String workspace, String path, Query query) throws Exception {
    return get(workspace, LOCAL_USER, path, query);
  }

  /** GETs a JSON answer as {@code user} (the token's sub when one is minted). */
  Map<String, Object> get(String workspace, String user, String path, Query query)
      throws Exception {
    HttpResponse<String> response =
        send(workspace, user, path + query.text(), HttpRequest.Builder::GET);
    Map<String, Object> body = JSON.readValue(response.body(), new TypeReference<>() {});
    if (response.statusCode() != 200) {
      throw new IllegalStateException(refusal(response.statusCode(), body));
    }
    return body;
  }

  /** POSTs a JSON body as {@code user}; the API answers 204 with no body when it accepts it. */
  void post(String workspace, String user, String path, Object jsonBody) throws Exception {
    String json = JSON.writeValueAsString(jsonBody);
    HttpResponse<String> response =
        send(
            workspace,
            user,
            path,
            b ->
                b.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
    if (response.statusCode() != 204) {
      Map<String, Object> body = JSON.readValue(response.body(), new TypeReference<>() {});
      throw new IllegalStateException(refusal(response.statusCode(), body));
    }
  }

  private HttpResponse<String> send(
      String workspace, String user, String pathAndQuery, UnaryOperator<HttpRequest.Builder> method)
      throws Exception {
    String base;
    String bearer;
    if (apiUrl != null) {
      if (token == null) {
        throw new IllegalArgumentException("--api-url needs --token");
      }
      base = apiUrl.replaceAll("/+$", "");
      bearer = token;
    } else {
      StackConfig config = Trail.stackConfig();
      base = config.apiUrl();
      bearer =
          token != null
              ? token
              : ApiTokens.mint(
                  ApiSecret.loadOrCreate(ApiSecret.file(config.confDir())),
                  user,
                  workspace,
                  Role.admin,
                  Duration.ofMinutes(5),
                  Instant.now());
    }
    String url = base + "/v1/workspaces/" + encode(workspace) + pathAndQuery;
    try {
      return CLIENT.send(
          method
              .apply(
                  HttpRequest.newBuilder(URI.create(url))
                      .header("Authorization", "Bearer " + bearer)
                      .timeout(Duration.ofSeconds(30)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new IllegalStateException(
          "the API does not answer on "
              + base
              + (apiUrl == null ? ": start the local stack with ./trail up" : ""));
    }
  }

  static String refusal(int status, Map<String, Object> body) {
    Object parameter = body.get("parameter");
    String reason = String.valueOf(body.get("error"));
    return switch (status) {
      case 400 -> "the API refused " + parameter + ": " + reason;
      case 401 -> "the API refused the token: " + reason;
      case 403 -> "not allowed: " + reason;
      case 404 -> "no such workspace, or the token is for another one";
      default -> "the API answered " + status + ": " + reason;
    };
  }

  /** Caught before any request, so a typo costs no round trip: exit 2 like other usage errors. */
  static void checkLimit(CommandLine.Model.CommandSpec spec, Integer limit) {
    if (limit != null && (limit < 1 || limit > Page.MAX_LIMIT)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--limit must be from 1 to " + Page.MAX_LIMIT + ", got " + limit);
    }
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
