package io.activitytrail.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.api.ApiTokens;
import io.activitytrail.api.Role;
import io.activitytrail.bench.cli.NotificationPlan.Kind;
import io.activitytrail.ingest.context.TrailContext;
import io.activitytrail.schemas.context.ActorContext;
import io.activitytrail.schemas.context.ActorType;
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
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Commit-to-notification latency on a running stack, in the app and by email. One transaction per
 * change, as a platform writes it (a context naming the acting user, then the row); each change
 * touches its own ticket and notifies that ticket's assignee.
 *
 * <ul>
 *   <li>In the app: each recipient with changes pending polls {@code GET
 *       /v1/workspaces/{ws}/notifications} with a token of their own (the route serves the token's
 *       {@code sub}); a change is in when an item's activity is its ticket's, of the change's type.
 *   <li>By email: each recipient's inbox is watched over IMAP ({@link BenchMailbox}); a change is
 *       in when a message's text names its ticket. The time taken is that of the poll that first
 *       saw the message, not the server's arrival stamp (IMAP INTERNALDATE has whole seconds): an
 *       upper bound by at most one poll interval plus one IMAP round trip.
 * </ul>
 *
 * One thread paces the commits and the polls; the loop ends when every change was seen both ways or
 * {@code maxWait} after the last commit, whichever comes first.
 */
final class NotificationProbe {
  /** What the probe needs from the stack and the command line. */
  record Settings(
      String jdbcUrl,
      String user,
      String password,
      String apiUrl,
      byte[] apiSecret,
      HostPort imap,
      String workspace,
      NotificationPlan plan,
      Kind kind,
      Rate rate,
      Duration pollInterval,
      Duration maxWait) {}

  /**
   * The outcome.
   *
   * @param emails messages received by the recipients during the run (a batch carries several
   *     changes)
   */
  record Result(
      String workspace,
      List<String> recipients,
      List<Duration> inApp,
      int inAppMissing,
      List<Duration> email,
      int emailMissing,
      int emails) {}

  /** Notifications per page: a recipient's block, with room for any others of theirs. */
  static final int PAGE = 200;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ActorContext SETUP =
      ActorContext.builder(ActorType.SYSTEM)
          .actorId("trail-bench")
          .actorName("trail bench notifications")
          .channel(Channel.SYSTEM)
          .build();

  /** Bench users never log in: a bcrypt-shaped hash that matches no password. */
  private static final String NO_PASSWORD = "$2b$12$" + "x".repeat(53);

  private final Settings settings;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  NotificationProbe(Settings settings) {
    this.settings = settings;
  }

  /** The bench's people and tickets, as the setup transaction wrote them. */
  private record Setup(
      long actorId, List<Long> recipientIds, List<String> emails, long[] tickets) {}

  Result run() throws Exception {
    try (Connection db =
        DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
      db.setAutoCommit(false);
      Setup setup = setUp(db);
      awaitSetUp(setup);
      List<BenchMailbox> inboxes = new ArrayList<>();
      try {
        for (String email : setup.emails()) {
          inboxes.add(new BenchMailbox(settings.imap(), email));
        }
        return measure(db, setup, inboxes);
      } finally {
        for (BenchMailbox inbox : inboxes) {
          inbox.close();
        }
      }
    }
  }

  /**
   * One transaction: the workspace, the acting user, the recipients (each with an email address)
   * and one ticket per change, assigned to its recipient already when the changes are comments.
   * Creating a ticket notifies no one (the defaults have no {@code created}).
   */
  private Setup setUp(Connection db) throws SQLException {
    String ws = settings.workspace();
    TrailContext.emit(db, SETUP);
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO helpdesk.workspaces (id, name, plan, retention_days)"
                + " VALUES (?, ?, 'business', 365)")) {
      insert.setString(1, ws);
      insert.setString(2, "Notification bench " + ws);
      insert.executeUpdate();
    }
    long actor = user(db, "Bench Actor", "actor@" + ws + ".bench.test");
    List<Long> recipients = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    for (int r = 0; r < settings.plan().recipients(); r++) {
      String email = "recipient-" + (r + 1) + "@" + ws + ".bench.test";
      recipients.add(user(db, "Bench Recipient " + (r + 1), email));
      emails.add(email);
    }
    long[] tickets = new long[settings.plan().changes()];
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO helpdesk.tickets (workspace_id, number, subject, assignee_id)"
                + " VALUES (?, ?, ?, ?) RETURNING id")) {
      for (int i = 0; i < tickets.length; i++) {
        insert.setString(1, ws);
        insert.setInt(2, i + 1);
        insert.setString(3, NotificationPlan.ticketSubject(i));
        if (settings.kind() == Kind.COMMENT) {
          insert.setLong(4, recipients.get(settings.plan().recipientOf(i)));
        } else {
          insert.setNull(4, Types.BIGINT);
        }
        try (ResultSet rows = insert.executeQuery()) {
          rows.next();
          tickets[i] = rows.getLong(1);
        }
      }
    }
    db.commit();
    return new Setup(actor, recipients, emails, tickets);
  }

  private long user(Connection db, String name, String email) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO helpdesk.users (workspace_id, email, name, role, password_hash)"
                + " VALUES (?, ?, ?, 'agent', ?) RETURNING id")) {
      insert.setString(1, settings.workspace());
      insert.setString(2, email);
      insert.setString(3, name);
      insert.setString(4, NO_PASSWORD);
      try (ResultSet rows = insert.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /**
   * The last ticket on its timeline proves the pipeline has the whole setup (the notifier learns
   * the team and the assignees from the same transaction) before any latency is counted.
   */
  private void awaitSetUp(Setup setup) throws Exception {
    String last = Long.toString(setup.tickets()[setup.tickets().length - 1]);
    String token = token(setup.actorId());
    long deadline = System.nanoTime() + settings.maxWait().toNanos();
    while (System.nanoTime() < deadline) {
      if (!get("/records/ticket/" + last + "/timeline?limit=1", token, "the bench's last ticket")
          .path("items")
          .isEmpty()) {
        return;
      }
      Thread.sleep(settings.pollInterval().toMillis());
    }
    throw new IllegalStateException(
        "the bench's tickets of workspace "
            + settings.workspace()
            + " did not appear within "
            + settings.maxWait().toSeconds()
            + " s: is the whole stack running (trail status) and the engine healthy (its log)?");
  }

  private Result measure(Connection db, Setup setup, List<BenchMailbox> inboxes) throws Exception {
    NotificationPlan plan = settings.plan();
    int n = plan.changes();
    List<String> tokens = new ArrayList<>();
    for (long id : setup.recipientIds()) {
      tokens.add(token(id));
    }
    long[] committedAt = new long[n];
    Set<Integer> pendingApp = new HashSet<>();
    Set<Integer> pendingMail = new HashSet<>();
    List<Duration> inApp = new ArrayList<>();
    List<Duration> email = new ArrayList<>();
    int emails = 0;
    ActorContext actor =
        ActorContext.user(Long.toString(setup.actorId()), "Bench Actor")
            .channel(Channel.WEB)
            .build();
    long interval = settings.rate().interval().toNanos();
    long poll = settings.pollInterval().toNanos();
    int committed = 0;
    long nextCommit = System.nanoTime();
    long nextPoll = nextCommit + poll;
    long deadline = Long.MAX_VALUE;
    while ((committed < n || !pendingApp.isEmpty() || !pendingMail.isEmpty())
        && System.nanoTime() < deadline) {
      long now = System.nanoTime();
      if (committed < n && now >= nextCommit) {
        commit(db, actor, setup, committed);
        committedAt[committed] = System.nanoTime();
        pendingApp.add(committed);
        pendingMail.add(committed);
        committed++;
        nextCommit += interval;
        if (committed == n) {
          deadline = System.nanoTime() + settings.maxWait().toNanos();
        }
      }
      if (now >= nextPoll) {
        for (int r = 0; r < inboxes.size(); r++) {
          if (pendingFor(pendingApp, plan, r)) {
            pollApp(tokens.get(r), setup, pendingApp, committedAt, inApp);
          }
          if (pendingFor(pendingMail, plan, r)) {
            List<String> texts = inboxes.get(r).poll();
            long arrived = System.nanoTime();
            emails += texts.size();
            for (String text : texts) {
              for (int index : NotificationPlan.changesIn(text)) {
                if (pendingMail.remove(index)) {
                  email.add(Duration.ofNanos(arrived - committedAt[index]));
                }
              }
            }
          }
        }
        nextPoll = System.nanoTime() + poll;
      }
      long wake = committed < n ? Math.min(nextCommit, nextPoll) : nextPoll;
      long sleep = wake - System.nanoTime();
      if (sleep > 0) {
        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
      }
    }
    // Late arrivals of other changes' batches are not looked for: the counts below are final.
    return new Result(
        settings.workspace(),
        setup.emails(),
        inApp,
        n - inApp.size(),
        email,
        n - email.size(),
        emails);
  }

  private static boolean pendingFor(Set<Integer> pending, NotificationPlan plan, int recipient) {
    for (int index : pending) {
      if (plan.recipientOf(index) == recipient) {
        return true;
      }
    }
    return false;
  }

  /** Change {@code index}: an assignment of its ticket to its recipient, or a comment on it. */
  private void commit(Connection db, ActorContext actor, Setup setup, int index)
      throws SQLException {
    TrailContext.emit(db, actor);
    long ticket = setup.tickets()[index];
    if (settings.kind() == Kind.ASSIGN) {
      try (PreparedStatement update =
          db.prepareStatement(
              "UPDATE helpdesk.tickets SET assignee_id = ?, updated_by = ?, updated_at = now()"
                  + " WHERE id = ?")) {
        update.setLong(1, setup.recipientIds().get(settings.plan().recipientOf(index)));
        update.setLong(2, setup.actorId());
        update.setLong(3, ticket);
        update.executeUpdate();
      }
    } else {
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO helpdesk.ticket_comments (workspace_id, ticket_id, author_id, body,"
                  + " internal) VALUES (?, ?, ?, ?, false)")) {
        insert.setString(1, settings.workspace());
        insert.setLong(2, ticket);
        insert.setLong(3, setup.actorId());
        insert.setString(4, "bench comment " + index);
        insert.executeUpdate();
      }
    }
    db.commit();
  }

  /** One page of the recipient's notifications; every pending change it shows is in. */
  private void pollApp(
      String token, Setup setup, Set<Integer> pending, long[] committedAt, List<Duration> out)
      throws Exception {
    JsonNode page = get("/notifications?limit=" + PAGE, token, "notifications");
    long arrived = System.nanoTime();
    String type = settings.kind().activityType();
    for (JsonNode item : page.path("items")) {
      JsonNode activity = item.path("activity");
      if (!type.equals(activity.path("type").asText())
          || !"ticket".equals(activity.path("record_type").asText())) {
        continue;
      }
      int index = indexOf(setup.tickets(), activity.path("record_id").asText());
      if (index >= 0 && pending.remove(index)) {
        out.add(Duration.ofNanos(arrived - committedAt[index]));
      }
    }
  }

  private static int indexOf(long[] tickets, String id) {
    for (int i = 0; i < tickets.length; i++) {
      if (Long.toString(tickets[i]).equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** A member token whose subject is the user: the notifications route serves the subject's. */
  private String token(long userId) {
    return ApiTokens.mint(
        settings.apiSecret(),
        Long.toString(userId),
        settings.workspace(),
        Role.member,
        Duration.ofHours(1),
        Instant.now());
  }

  private JsonNode get(String route, String token, String what) throws Exception {
    String url =
        settings.apiUrl()
            + "/v1/workspaces/"
            + URLEncoder.encode(settings.workspace(), StandardCharsets.UTF_8)
            + route;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
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
              + " ("
              + what
              + ") answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return JSON.readTree(response.body());
  }
}
