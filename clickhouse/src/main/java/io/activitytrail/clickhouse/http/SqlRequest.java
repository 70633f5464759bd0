package io.activitytrail.clickhouse.http;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One request to the interface, read the way ClickHouse's HTTP handler reads it: the statement from
 * {@code query} and/or the POST body (joined by a newline), {@code param_<name>} query parameters,
 * {@code database} and {@code default_format} (or the X-ClickHouse-Database/-Format headers),
 * credentials from basic auth, X-ClickHouse-User/-Key or {@code user}/{@code password}, and every
 * other URL parameter as a setting.
 */
record SqlRequest(
    String sql,
    String user,
    String password,
    String database,
    String format,
    String queryId,
    Map<String, String> params,
    Map<String, String> settings,
    boolean compress,
    boolean httpCompression) {

  /** URL parameters the HTTP handler itself reads; they are not settings of the statement. */
  static final Set<String> HANDLER_PARAMETERS =
      Set.of(
          "query",
          "database",
          "default_format",
          "query_id",
          "user",
          "password",
          "quota_key",
          "stacktrace",
          "compress",
          "decompress",
          "enable_http_compression",
          "http_zlib_compression_level",
          "buffer_size",
          "wait_end_of_query",
          "session_id",
          "session_timeout",
          "session_check",
          "role",
          "client_protocol_version",
          "send_progress_in_http_headers",
          "http_headers_progress_interval_ms",
          "add_http_cors_header");

  static SqlRequest parse(
      String rawQuery, Headers headers, String body, String defaultDatabase, String generatedId) {
    Map<String, String> url = decode(rawQuery);
    String query = url.getOrDefault("query", "");
    String sql = query.isEmpty() ? body : body.isEmpty() ? query : query + "\n" + body;

    String user = url.get("user");
    String password = url.get("password");
    if (headers.containsKey("X-ClickHouse-User")) {
      user = headers.getFirst("X-ClickHouse-User");
      password = headers.getFirst("X-ClickHouse-Key");
    }
    String authorization = headers.getFirst("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      user = colon < 0 ? decoded : decoded.substring(0, colon);
      password = colon < 0 ? "" : decoded.substring(colon + 1);
    }

    String database =
        firstNonBlank(
            url.get("database"), headers.getFirst("X-ClickHouse-Database"), defaultDatabase);
    String format =
        firstNonBlank(
            url.get("default_format"), headers.getFirst("X-ClickHouse-Format"), "TabSeparated");
    String queryId =
        firstNonBlank(url.get("query_id"), headers.getFirst("X-ClickHouse-Query-Id"), generatedId);

    Map<String, String> params = new LinkedHashMap<>();
    Map<String, String> settings = new LinkedHashMap<>();
    url.forEach(
        (name, value) -> {
          if (name.startsWith("param_")) {
            params.put(name.substring("param_".length()), value);
          } else if (!HANDLER_PARAMETERS.contains(name)) {
            settings.put(name, value);
          }
        });
    String acceptEncoding = headers.getFirst("Accept-Encoding");
    boolean http =
        "1".equals(url.get("enable_http_compression"))
            && acceptEncoding != null
            && acceptEncoding.contains("gzip");
    return new SqlRequest(
        sql,
        user == null ? "default" : user,
        password == null ? "" : password,
        database,
        format,
        queryId,
        params,
        settings,
        "1".equals(url.get("compress")) || "true".equals(url.get("compress")),
        http);
  }

  private static Map<String, String> decode(String rawQuery) {
    Map<String, String> values = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return values;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      values.put(name, value);
    }
    return values;
  }

  private static String firstNonBlank(String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isBlank()) {
        return c;
      }
    }
    return null;
  }
}
