package io.activitytrail.cli;

import io.activitytrail.clickhouse.QueryParameters;
import io.activitytrail.clickhouse.http.SqlCredentials;
import io.activitytrail.stack.StackConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One statement on a ClickHouse HTTP interface (the local stack's read-only one by default), its
 * parameters bound as {@code param_<name>}: what {@code trail sql} and {@code trail verify} send.
 */
record SqlClient(String url, String user, String password, String database) {

  // One client for every statement: trail verify sends one per missing event
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The answer: ClickHouse's status and body. */
  record Answer(int status, byte[] body) {
    boolean ok() {
      return status == 200;
    }
  }

  /** The given endpoint, or the local stack's where a part is missing. */
  static SqlClient of(String url, String user, String password, String database) {
    if (url != null) {
      return new SqlClient(
          url, user == null ? "default" : user, password == null ? "" : password, database);
    }
    StackConfig config = Trail.stackConfig();
    SqlCredentials local = config.clickHouseHttpCredentials();
    if (local == null && (user == null || password == null)) {
      throw new IllegalStateException(
          "the local stack has no SQL credentials yet ("
              + SqlCredentials.file(config.confDir())
              + "): start it with trail up");
    }
    return new SqlClient(
        config.clickHouseHttpUrl(),
        user != null ? user : local.user(),
        password != null ? password : local.password(),
        database);
  }

  Answer run(String sql, String format, Map<String, String> params) throws Exception {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("database", database);
    query.put("default_format", format);
    QueryParameters.toText(params).forEach((name, value) -> query.put("param_" + name, value));
    StringBuilder uri = new StringBuilder(url).append("/?");
    query.forEach(
        (k, v) ->
            uri.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&'));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(uri.substring(0, uri.length() - 1)))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .timeout(Duration.ofMinutes(10))
            .POST(HttpRequest.BodyPublishers.ofString(sql))
            .build();
    HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(response.statusCode(), response.body());
  }
}
