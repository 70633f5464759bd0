package io.activitytrail.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.api.ApiTokens;
import io.activitytrail.api.Role;
import io.activitytrail.bench.cli.NotificationPlan.Kind;
import io.activitytrail.event.NotificationChannel;
import io.activitytrail.ingest.context.TrailContext;
import io.activitytrail.notifications.Notifications;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Commit-to-notification latency on a running stack, in the app and by email. One transaction per
 * change, as a platform writes it (a context naming the acting user, then the row); each change
 * touches its own ticket and notifies that ticket's assignee.
 *
 * <ul>
 *   <li>In the app: each recipient with changes pending polls {@code GET
 *       /v1/workspaces/{ws}/notifications} with a token of their own (the route serves the token's
 *       {@code sub}); a change is in when an item's activity is its ticket's, of the change's type.
 *   <li>Readable by email: each recipient's inbox is watched over IMAP ({@link MailWatch}); a
 *       change is in when a message's text names its ticket. The time taken is that of the count
 *       (IMAP STATUS) that first showed the message, not the server's arrival stamp (IMAP
 *       INTERNALDATE has whole seconds): an upper bound by one poll interval plus one round trip.
 *   <li>Accepted by the SMTP server: the engine's sent log ({@link SentLogReader}) says when, to
 *       the millisecond, for the email notification whose id derives from the change's event (seen
 *       in the app) and recipient; compared with the wall-clock time the commit returned.
 * </ul>
 *
 * One thread paces the commits, one polls the API, two watch the inboxes; each stops when it has
 * seen every change or {@code maxWait} after the last commit, whichever comes first.
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
      Duration maxWait,
      SentLogReader sentLog) {}

  /**
   * The outcome.
   *
   * @param emails messages received by the recipients during the run (a batch carries several
   *     changes)
   * @param accepted commit to the sent log's record of the SMTP server's acceptance; null without a
   *     sent log to read
   */
  record Result(
      String workspace,
      List<String> recipients,
      List<Duration> inApp,
      int inAppMissing,
      List<Duration> email,
      int emailMissing,
      int emails,
      List<Duration> accepted,
      int acceptedMissing) {}

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
      try (MailWatch mail = new MailWatch(settings.imap(), setup.emails(), settings.plan())) {
        return measure(db, setup, mail);
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

  /**
   * The main thread commits at the rate; two pollers, each on its own thread, watch one channel
   * each, so that a slow answer on one (an IMAP fetch, a loaded API) never delays the other's
   * clock. A change is pending for a poller once its commit has returned ({@code committedAt}
   * non-zero).
   */
  private Result measure(Connection db, Setup setup, MailWatch mail) throws Exception {
    NotificationPlan plan = settings.plan();
    int n = plan.changes();
    AtomicLongArray committedAt = new AtomicLongArray(n);
    long[] committedWall = new long[n];
    Map<Integer, String> eventIds = new ConcurrentHashMap<>();
    // Both pollers give up this long after the last commit; the main thread sets it then.
    AtomicLong giveUpAt = new AtomicLong(Long.MAX_VALUE);
    List<String> tokens = new ArrayList<>();
    for (long id : setup.recipientIds()) {
      tokens.add(token(id));
    }
    ExecutorService pollers = Executors.newFixedThreadPool(3);
    try {
      Future<List<Duration>> inApp =
          pollers.submit(
              () -> poll(committedAt, giveUpAt, r -> appArrivals(tokens.get(r), setup, eventIds)));
      Future<?> stamps =
          pollers.submit(
              () -> {
                mail.count(committedAt, giveUpAt, settings.pollInterval());
                return null;
              });
      Future<List<Duration>> email = pollers.submit(() -> mail.read(committedAt, giveUpAt));
      ActorContext actor =
          ActorContext.user(Long.toString(setup.actorId()), "Bench Actor")
              .channel(Channel.WEB)
              .build();
      long interval = settings.rate().interval().toNanos();
      long nextCommit = System.nanoTime();
      for (int i = 0; i < n; i++) {
        long sleep = nextCommit - System.nanoTime();
        if (sleep > 0) {
          Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
        }
        commit(db, actor, setup, i);
        committedAt.set(i, System.nanoTime());
        committedWall[i] = System.currentTimeMillis();
        nextCommit += interval;
      }
      giveUpAt.set(System.nanoTime() + settings.maxWait().toNanos());
      List<Duration> app = inApp.get();
      List<Duration> readable = email.get();
      stamps.get();
      List<Duration> accepted = settings.sentLog() == null ? null : new ArrayList<>();
      if (accepted != null) {
        Map<String, Long> sentAt = settings.sentLog().sentAt(settings.workspace());
        for (int i = 0; i < n; i++) {
          String eventId = eventIds.get(i);
          Long sent =
              eventId == null
                  ? null
                  : sentAt.get(
                      Notifications.id(
                          eventId,
                          Long.toString(setup.recipientIds().get(plan.recipientOf(i))),
                          NotificationChannel.email));
          if (sent != null) {
            accepted.add(Duration.ofMillis(sent - committedWall[i]));
          }
        }
      }
      return new Result(
          settings.workspace(),
          setup.emails(),
          app,
          n - app.size(),
          readable,
          n - readable.size(),
          mail.received(),
          accepted,
          accepted == null ? n : n - accepted.size());
    } finally {
      pollers.shutdownNow();
    }
  }

  /** What one poll of one recipient found: the changes it shows, and when the answer came. */
  private record Arrivals(List<Integer> changes, long at) {}

  @FunctionalInterface
  private interface Poll {
    Arrivals of(int recipient) throws Exception;
  }

  /**
   * Polls, every poll interval, each recipient who has a committed change not yet seen, until every
   * change is seen or the give-up time passes; returns one latency per change seen.
   */
  private List<Duration> poll(AtomicLongArray committedAt, AtomicLong giveUpAt, Poll poll)
      throws Exception {
    NotificationPlan plan = settings.plan();
    boolean[] seen = new boolean[plan.changes()];
    int seenCount = 0;
    List<Duration> latencies = new ArrayList<>();
    long interval = settings.pollInterval().toNanos();
    while (seenCount < seen.length && System.nanoTime() < giveUpAt.get()) {
      long started = System.nanoTime();
      for (int r = 0; r < plan.recipients(); r++) {
        if (!waitingFor(r, seen, committedAt)) {
          continue;
        }
        Arrivals found = poll.of(r);
        for (int index : found.changes()) {
          long committed = index < seen.length ? committedAt.get(index) : 0;
          if (committed != 0 && !seen[index]) {
            seen[index] = true;
            seenCount++;
            latencies.add(Duration.ofNanos(found.at() - committed));
          }
        }
      }
      long sleep = started + interval - System.nanoTime();
      if (sleep > 0) {
        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
      }
    }
    return latencies;
  }

  /** Whether the recipient has a committed change this poller has not seen yet. */
  private boolean waitingFor(int recipient, boolean[] seen, AtomicLongArray committedAt) {
    for (int i = 0; i < seen.length; i++) {
      if (!seen[i] && committedAt.get(i) != 0 && settings.plan().recipientOf(i) == recipient) {
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

  /**
   * One page of the recipient's notifications: the changes it shows, timed at its arrival; each
   * change's event id noted (the email notification's id derives from it).
   */
  private Arrivals appArrivals(String token, Setup setup, Map<Integer, String> eventIds)
      throws Exception {
    JsonNode page = get("/notifications?limit=" + PAGE, token, "notifications");
    long arrived = System.nanoTime();
    String type = settings.kind().activityType();
    List<Integer> changes = new ArrayList<>();
    for (JsonNode item : page.path("items")) {
      JsonNode activity = item.path("activity");
      if (type.equals(activity.path("type").asText())
          && "ticket".equals(activity.path("record_type").asText())) {
        int index = indexOf(setup.tickets(), activity.path("record_id").asText());
        if (index >= 0) {
          changes.add(index);
          eventIds.putIfAbsent(index, activity.path("event_id").asText());
        }
      }
    }
    return new Arrivals(changes, arrived);
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
