package io.activitytrail.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A parsed API request: which endpoint, its path variables and its query parameters. */
public sealed interface ApiRequest {

  record Health() implements ApiRequest {}

  record Feed(String workspace, int limit) implements ApiRequest {}

  record Timeline(String workspace, String recordType, String recordId, int limit)
      implements ApiRequest {}

  int FEED_DEFAULT_LIMIT = 50;
  int FEED_MAX_LIMIT = 500;
  int TIMELINE_DEFAULT_LIMIT = 200;
  int TIMELINE_MAX_LIMIT = 1000;

  /**
   * Parses a GET path with its raw query string; empty when no endpoint has that path.
   *
   * @throws BadParameter naming the parameter when a value is invalid
   */
  static Optional<ApiRequest> parse(String path, String rawQuery) {
    String[] parts = path.replaceAll("^/+|/+$", "").split("/");
    Map<String, String> query = query(rawQuery);
    if (parts.length == 1 && parts[0].equals("health")) {
      return Optional.of(new Health());
    }
    if (parts.length == 4
        && parts[0].equals("v1")
        && parts[1].equals("workspaces")
        && parts[3].equals("activities")) {
      return Optional.of(
          new Feed(decode(parts[2]), limit(query, FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT)));
    }
    if (parts.length == 7
        && parts[0].equals("v1")
        && parts[1].equals("workspaces")
        && parts[3].equals("records")
        && parts[6].equals("timeline")) {
      return Optional.of(
          new Timeline(
              decode(parts[2]),
              decode(parts[4]),
              decode(parts[5]),
              limit(query, TIMELINE_DEFAULT_LIMIT, TIMELINE_MAX_LIMIT)));
    }
    return Optional.empty();
  }

  private static int limit(Map<String, String> query, int fallback, int max) {
    String value = query.get("limit");
    if (value == null) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    throw new BadParameter(
        "limit", "must be a whole number from 1 to " + max + ", got '" + value + "'");
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      query.putIfAbsent(name, value);
    }
    return query;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** A request parameter with an invalid value; answered with 400 naming the parameter. */
  final class BadParameter extends RuntimeException {
    private final String parameter;

    public BadParameter(String parameter, String message) {
      super(parameter + " " + message);
      this.parameter = parameter;
    }

    public String parameter() {
      return parameter;
    }
  }
}
