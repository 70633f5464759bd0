package io.activitytrail.stack.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * GreenMail standalone's HTTP API: {@code GET /api/user} answers {@code [{"login": ..., "email":
 * ...}]}, one entry per mailbox, those made on delivery included.
 */
public final class GreenMailApi implements MailboxDirectory {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private final String baseUrl;

  /**
   * @param baseUrl e.g. {@code http://127.0.0.1:13080}
   */
  public GreenMailApi(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  @Override
  public List<String> addresses() {
    String url = baseUrl + "/api/user";
    try {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new MailboxException(
            "GET " + url + " answered " + response.statusCode() + ": " + response.body(), null);
      }
      List<String> addresses = new ArrayList<>();
      for (JsonNode user : JSON.readTree(response.body())) {
        // A user made by a login rather than a delivery may lack an email: its login is its name.
        String email = user.path("email").asText("");
        addresses.add(email.isEmpty() ? user.path("login").asText() : email);
      }
      addresses.sort(null);
      return addresses;
    } catch (IOException e) {
      throw new MailboxException("cannot list the mailboxes at " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailboxException("interrupted while listing the mailboxes at " + url, e);
    }
  }
}
