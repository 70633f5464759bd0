package io.activitytrail.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.ingest.context.TrailContext;
import io.activitytrail.schemas.context.ActorContext;
import io.activitytrail.schemas.context.ActorType;
import io.activitytrail.schemas.context.Channel;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Commit-to-queryable latency on a running stack: single-row ticket updates, each in its own
 * transaction with a context message (as a platform writes them), each putting a unique marker in
 * the subject; the ticket's timeline is polled through the engine API until every marker shows.
 *
 * <p>One thread paces the commits and the polls, so the load stays light and the loop is bounded in
 * count (the changes) and time (the wait after the last commit). A marker's latency runs from the
 * return of its commit to the arrival of the first timeline page that holds it: figures are upper
 * bounds by at most one poll interval plus one query.
 */
final class LatencyProbe {
  /** What the probe needs from the stack and the command line. */
  record Settings(
      String jdbcUrl,
      String user,
      String password,
      String apiUrl,
      String token,
      String workspace,
      int changes,
      Rate rate,
      Duration pollInterval,
      Duration maxWait) {}

  /** The outcome; {@code latencies} holds one entry per marker seen. */
  record Result(String workspace, String ticketId, List<Duration> latencies, int missing) {}

  /**
   * The newest events of the ticket, enough for every marker still pending: at the rates allowed, a
   * marker would have to wait minutes to fall off this page.
   */
  static final int TIMELINE_PAGE = 500;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ActorContext ACTOR =
      ActorContext.builder(ActorType.SYSTEM)
          .actorId("trail-bench")
          .actorName("trail bench latency")
          .channel(Channel.SYSTEM)
          .build();

  private final Settings settings;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  LatencyProbe(Settings settings) {
    this.settings = settings;
  }

  Result run() throws Exception {
    try (Connection db =
        DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
      db.setAutoCommit(false);
      String ticketId = createTicket(db);
      awaitCreated(ticketId);
      return measure(db, ticketId);
    }
  }

  private String createTicket(Connection db) throws SQLException {
    TrailContext.emit(db, ACTOR);
    try (PreparedStatement ws =
        db.prepareStatement(
            "INSERT INTO helpdesk.workspaces (id, name, plan, retention_days)"
                + " VALUES (?, ?, 'business', 365)")) {
      ws.setString(1, settings.workspace());
      ws.setString(2, "Latency bench " + settings.workspace());
      ws.executeUpdate();
    }
    String id;
    try (PreparedStatement ticket =
        db.prepareStatement(
            "INSERT INTO helpdesk.tickets (workspace_id, number, subject) VALUES (?, 1, ?)"
                + " RETURNING id")) {
      ticket.setString(1, settings.workspace());
      ticket.setString(2, "latency bench ticket");
      try (ResultSet rows = ticket.executeQuery()) {
        rows.next();
        id = Long.toString(rows.getLong(1));
      }
    }
    db.commit();
    return id;
  }

  /** The ticket's created event proves the pipeline delivers before any latency is counted. */
  private void awaitCreated(String ticketId) throws Exception {
    long deadline = System.nanoTime() + settings.maxWait().toNanos();
    while (System.nanoTime() < deadline) {
      if (!timeline(ticketId).isEmpty()) {
        return;
      }
      Thread.sleep(settings.pollInterval().toMillis());
    }
    throw new IllegalStateException(
        "the new ticket "
            + ticketId
            + " of workspace "
            + settings.workspace()
            + " did not appear on its timeline within "
            + settings.maxWait().toSeconds()
            + " s: is the whole stack running (trail status) and the engine healthy (its log)?");
  }

  private Result measure(Connection db, String ticketId) throws Exception {
    String runTag = "bench-" + Long.toString(System.nanoTime(), 36);
    long[] committedAt = new long[settings.changes()];
    Map<String, Integer> pending = new HashMap<>();
    List<Duration> latencies = new ArrayList<>();
    long interval = settings.rate().interval().toNanos();
    long poll = settings.pollInterval().toNanos();
    int committed = 0;
    long nextCommit = System.nanoTime();
    long nextPoll = nextCommit + poll;
    long deadline = Long.MAX_VALUE;
    try (PreparedStatement update =
        db.prepareStatement(
            "UPDATE helpdesk.tickets SET subject = ?, updated_at = now()"
                + " WHERE id = ? AND workspace_id = ?")) {
      while ((committed < settings.changes() || !pending.isEmpty())
          && System.nanoTime() < deadline) {
        long now = System.nanoTime();
        if (committed < settings.changes() && now >= nextCommit) {
          String marker = runTag + " #" + committed;
          TrailContext.emit(db, ACTOR);
          update.setString(1, marker);
          update.setLong(2, Long.parseLong(ticketId));
          update.setString(3, settings.workspace());
          update.executeUpdate();
          db.commit();
          committedAt[committed] = System.nanoTime();
          pending.put(marker, committed);
          committed++;
          nextCommit += interval;
          if (committed == settings.changes()) {
            deadline = System.nanoTime() + settings.maxWait().toNanos();
          }
        }
        if (now >= nextPoll && !pending.isEmpty()) {
          List<JsonNode> items = timeline(ticketId);
          long arrived = System.nanoTime();
          for (JsonNode item : items) {
            for (JsonNode change : item.path("changes")) {
              if ("subject".equals(change.path("field").asText())) {
                Integer index = pending.remove(change.path("new").asText());
                if (index != null) {
                  latencies.add(Duration.ofNanos(arrived - committedAt[index]));
                }
              }
            }
          }
          nextPoll = System.nanoTime() + poll;
        }
        long wake = committed < settings.changes() ? Math.min(nextCommit, nextPoll) : nextPoll;
        long sleep = wake - System.nanoTime();
        if (sleep > 0) {
          Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
        }
      }
    }
    return new Result(
        settings.workspace(), ticketId, latencies, settings.changes() - latencies.size());
  }

  /** The newest part of the ticket's timeline; enough for the markers still pending. */
  private List<JsonNode> timeline(String ticketId) throws Exception {
    String url =
        settings.apiUrl()
            + "/v1/workspaces/"
            + URLEncoder.encode(settings.workspace(), StandardCharsets.UTF_8)
            + "/records/ticket/"
            + ticketId
            + "/timeline?order=desc&limit="
            + TIMELINE_PAGE;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
    if (settings.token() != null) {
      request.header("Authorization", "Bearer " + settings.token());
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.net.ConnectException e) {
      throw new IllegalStateException(
          "the engine API does not answer on "
              + settings.apiUrl()
              + ": start the stack (trail up)");
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET "
              + url
              + " answered "
              + response.statusCode()
              + ": "
              + response.body()
              + (response.statusCode() == 401 ? " (pass --token)" : ""));
    }
    List<JsonNode> items = new ArrayList<>();
    JSON.readTree(response.body()).path("items").forEach(items::add);
    return items;
  }
}
