package io.activitytrail.bench.cli;

import io.activitytrail.clickhouse.http.SqlCredentials;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The engine's email sent log ({@code email_sent}), read on the store's read-only SQL interface:
 * for each notification id of a workspace, when its email was sent. The sender records that moment
 * just after the SMTP server accepted the message (EmailSender: send, then record), on this
 * machine's clock, to the millisecond: the figure "commit to accepted by the SMTP server" needs no
 * polling.
 */
final class SentLogReader {
  private final String url;
  private final SqlCredentials credentials;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  SentLogReader(String url, SqlCredentials credentials) {
    this.url = url;
    this.credentials = credentials;
  }

  /** Notification id -> sent_at in epoch milliseconds, for every email sent in the workspace. */
  Map<String, Long> sentAt(String workspace) throws Exception {
    String query =
        url
            + "/?database=trail&default_format=TabSeparated&param_ws="
            + URLEncoder.encode(workspace, StandardCharsets.UTF_8);
    String sql =
        "SELECT notification_id, min(toUnixTimestamp64Milli(sent_at)) FROM email_sent"
            + " WHERE workspace_id = {ws:String} GROUP BY notification_id";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(query))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (credentials.user() + ":" + credentials.password())
                                .getBytes(StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(sql))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "the sent log query on "
              + url
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return parse(response.body());
  }

  /** TabSeparated rows of (notification id, epoch millis). */
  static Map<String, Long> parse(String body) {
    Map<String, Long> sent = new HashMap<>();
    for (String line : body.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t");
      sent.put(cells[0], Long.parseLong(cells[1].trim()));
    }
    return sent;
  }
}
