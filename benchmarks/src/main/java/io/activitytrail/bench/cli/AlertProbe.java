package io.activitytrail.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.api.ApiTokens;
import io.activitytrail.api.Role;
import io.activitytrail.event.NotificationChannel;
import io.activitytrail.ingest.context.TrailContext;
import io.activitytrail.notifications.Notifications;
import io.activitytrail.schemas.context.ActorContext;
import io.activitytrail.schemas.context.ActorType;
import io.activitytrail.schemas.context.AuditEvent;
import io.activitytrail.schemas.context.Channel;
import io.activitytrail.stack.mail.HostPort;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commit-to-alert latency on the running local stack: each round is a brute-force burst (5 failed
 * logins of a fresh account, the built-in rule's threshold); its clock starts when the fifth, the
 * event that completes the condition, is written. The owner of the bench's own workspace receives
 * every alert: accepted by the SMTP server (the engine's sent log, recorded just after the server
 * accepted the message) and in the inbox (IMAP, polled).
 */
final class AlertProbe {
  static final int THRESHOLD = 5;
  private static final Pattern ROUND = Pattern.compile("actor abench-(\\d+):");
  private static final ObjectMapper JSON = new ObjectMapper();

  record Settings(
      String jdbcUrl,
      String user,
      String password,
      String apiUrl,
      byte[] apiSecret,
      HostPort imap,
      String workspace,
      int rounds,
      Duration interval,
      Duration pollInterval,
      Duration maxWait,
      SentLogReader sentLog) {}

  /** Latencies of the rounds whose alert was seen; accepted is null without a sent log. */
  record Result(List<Duration> inbox, List<Duration> accepted, int alerts) {}

  private final Settings settings;
  private final HttpClient http = HttpClient.newHttpClient();

  AlertProbe(Settings settings) {
    this.settings = settings;
  }

  Result run() throws Exception {
    try (Connection db =
        DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
      long owner = setUp(db);
      awaitSetUp(owner);
      db.setAutoCommit(true);
      String address = ownerAddress();
      try (BenchMailbox counter = new BenchMailbox(settings.imap(), address);
          BenchMailbox reader = new BenchMailbox(settings.imap(), address)) {
        int before = counter.count();
        AtomicLongArray committedAt = new AtomicLongArray(settings.rounds());
        ExecutorService watcher = Executors.newSingleThreadExecutor();
        try {
          Future<List<Duration>> inbox =
              watcher.submit(() -> watch(counter, reader, before, committedAt));
          for (int round = 0; round < settings.rounds(); round++) {
            long started = System.nanoTime();
            burst(db, round);
            committedAt.set(round, System.currentTimeMillis());
            long sleep = started + settings.interval().toNanos() - System.nanoTime();
            if (sleep > 0) {
              Thread.sleep(sleep / 1_000_000);
            }
          }
          List<Duration> seen = inbox.get();
          return new Result(seen, accepted(owner, committedAt), seen.size());
        } finally {
          watcher.shutdownNow();
        }
      }
    }
  }

  private long setUp(Connection db) throws SQLException {
    db.setAutoCommit(false);
    TrailContext.emit(db, ActorContext.builder(ActorType.SYSTEM).channel(Channel.SYSTEM).build());
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO helpdesk.workspaces (id, name, plan, retention_days)"
                + " VALUES (?, ?, 'business', 365)")) {
      insert.setString(1, settings.workspace());
      insert.setString(2, "Alert bench " + settings.workspace());
      insert.executeUpdate();
    }
    long owner;
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO helpdesk.users (workspace_id, email, name, role, password_hash)"
                + " VALUES (?, ?, 'Bench Owner', 'owner', 'x') RETURNING id")) {
      insert.setString(1, settings.workspace());
      insert.setString(2, ownerAddress());
      try (ResultSet rows = insert.executeQuery()) {
        rows.next();
        owner = rows.getLong(1);
      }
    }
    db.commit();
    return owner;
  }

  private String ownerAddress() {
    return "owner@" + settings.workspace() + ".bench.test";
  }

  /** The owner on their own timeline: the pipeline knows the recipient before the first burst. */
  private void awaitSetUp(long owner) throws Exception {
    long deadline = System.nanoTime() + settings.maxWait().toNanos();
    while (System.nanoTime() < deadline) {
      if (!get("/records/team_member/" + owner + "/timeline?limit=1").path("items").isEmpty()) {
        // the alerts operator runs a step after the store
        Thread.sleep(1_000);
        return;
      }
      Thread.sleep(settings.pollInterval().toMillis());
    }
    throw new IllegalStateException(
        "the bench's owner did not appear within "
            + settings.maxWait().toSeconds()
            + " s: is the whole stack running (trail status)?");
  }

  private void burst(Connection db, int round) throws SQLException {
    for (int i = 0; i < THRESHOLD; i++) {
      TrailContext.emitEvent(
          db,
          AuditEvent.builder(AuditEvent.LOGIN_FAILED, settings.workspace(), Instant.now())
              .actor(ActorType.USER, "abench-" + round, "Bench target " + round)
              .ip("198.18.0." + (1 + round % 250))
              .reason("wrong_password")
              .build());
    }
  }

  /** Stamps each new message at the poll that first counted it, and charges it to its round. */
  private List<Duration> watch(
      BenchMailbox counter, BenchMailbox reader, int before, AtomicLongArray committedAt)
      throws Exception {
    List<Duration> latencies = new ArrayList<>();
    boolean[] seen = new boolean[committedAt.length()];
    int read = before;
    long giveUpAt = Long.MAX_VALUE;
    while (latencies.size() < seen.length && System.currentTimeMillis() < giveUpAt) {
      if (giveUpAt == Long.MAX_VALUE && committedAt.get(seen.length - 1) != 0) {
        giveUpAt = System.currentTimeMillis() + settings.maxWait().toMillis();
      }
      int count = counter.count();
      long at = System.currentTimeMillis();
      if (count > read) {
        for (String text : reader.read(read + 1, count)) {
          Matcher round = ROUND.matcher(text);
          if (round.find()) {
            int r = Integer.parseInt(round.group(1));
            if (r < seen.length && !seen[r] && committedAt.get(r) != 0) {
              seen[r] = true;
              latencies.add(Duration.ofMillis(at - committedAt.get(r)));
            }
          }
        }
        read = count;
      }
      Thread.sleep(settings.pollInterval().toMillis());
    }
    return latencies;
  }

  /** Commit to sent-log time, per round, from the alerts the API lists (their ids). */
  private List<Duration> accepted(long owner, AtomicLongArray committedAt) throws Exception {
    if (settings.sentLog() == null) {
      return null;
    }
    Map<String, Long> sentAt = settings.sentLog().sentAt(settings.workspace());
    Map<Integer, String> alertIds = new HashMap<>();
    for (JsonNode alert : get("/alerts?limit=500").path("items")) {
      Matcher round =
          Pattern.compile("abench-(\\d+)")
              .matcher(alert.path("details").path("group_key").asText());
      if (round.matches()) {
        alertIds.putIfAbsent(Integer.parseInt(round.group(1)), alert.path("event_id").asText());
      }
    }
    List<Duration> latencies = new ArrayList<>();
    alertIds.forEach(
        (round, alertId) -> {
          Long sent =
              sentAt.get(
                  Notifications.id(alertId, Long.toString(owner), NotificationChannel.email));
          if (sent != null && round < committedAt.length()) {
            latencies.add(Duration.ofMillis(sent - committedAt.get(round)));
          }
        });
    return latencies;
  }

  private JsonNode get(String route) throws Exception {
    String token =
        ApiTokens.mint(
            settings.apiSecret(),
            "alert-bench",
            settings.workspace(),
            Role.admin,
            Duration.ofHours(1),
            Instant.now());
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    settings.apiUrl()
                        + "/v1/workspaces/"
                        + URLEncoder.encode(settings.workspace(), StandardCharsets.UTF_8)
                        + route))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + route + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
