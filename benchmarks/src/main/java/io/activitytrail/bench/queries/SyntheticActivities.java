package io.activitytrail.bench.queries;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.SourcePosition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A deterministic stream of synthetic activities shaped like a helpdesk's: workspaces drawn from a
 * Zipf law (workspace 0 is the largest), a few busy users per workspace, ~15% audit events, tickets
 * with files that belong to them, times spread evenly over {@link #SPAN} in commit order. The same
 * seed gives the same events, so ClickHouse and PostgreSQL get identical rows.
 */
final class SyntheticActivities {

  static final Duration SPAN = Duration.ofDays(90);
  static final int USERS_PER_WORKSPACE = 50;
  static final double AUDIT_SHARE = 0.15;

  /** Activities made outside the application (direct SQL, scripts): no actor, a database user. */
  static final double UNATTRIBUTED_SHARE = 0.02;

  /** A role change that makes its member an administrator (else an agent). */
  static final double ADMIN_SHARE = 0.25;

  /** The mean number of events a ticket gets, which sets how many tickets a workspace has. */
  static final int EVENTS_PER_TICKET = 12;

  private static final String[] ACTIVITY_TYPES = {
    "updated", "status_changed", "assigned", "comment_added", "created",
    "message_received", "message_sent", "file_attached", "deleted", "file_deleted"
  };
  private static final double[] ACTIVITY_WEIGHTS = {25, 15, 12, 15, 10, 8, 7, 5, 2, 1};
  private static final String[] AUDIT_TYPES = {
    "login_succeeded",
    "login_failed",
    "role_changed",
    "setting_changed",
    "data_exported",
    "file_downloaded"
  };
  private static final double[] AUDIT_WEIGHTS = {50, 15, 8, 10, 7, 10};
  private static final String[] STATUSES = {"open", "pending", "in_progress", "solved", "closed"};

  private final long events;
  private final int workspaces;
  private final Instant start;
  private final Instant end;
  private final Zipf workspaceDraw;
  private final Zipf userDraw = new Zipf(USERS_PER_WORKSPACE, 1.0);

  SyntheticActivities(long events, int workspaces, Instant end) {
    this.events = events;
    this.workspaces = workspaces;
    this.start = end.minus(SPAN);
    this.end = end;
    this.workspaceDraw = new Zipf(workspaces, 1.1);
  }

  /** Where the data ends: every event is before it, none older than {@link #SPAN}. */
  Instant end() {
    return end;
  }

  static String workspaceId(int rank) {
    return String.format("ws-%04d", rank);
  }

  /** How many tickets a workspace has: enough for about {@link #EVENTS_PER_TICKET} each. */
  int ticketsOf(int rank) {
    return (int) Math.max(10, workspaceDraw.share(rank) * events / EVENTS_PER_TICKET);
  }

  /** The expected number of events of a workspace. */
  long expectedEventsOf(int rank) {
    return Math.round(workspaceDraw.share(rank) * events);
  }

  /** Events {@code from} (inclusive) to {@code to} (exclusive) of the stream, in commit order. */
  List<ActivityEvent> batch(long from, long to) {
    List<ActivityEvent> out = new ArrayList<>((int) (to - from));
    for (long i = from; i < to; i++) {
      out.add(event(i));
    }
    return out;
  }

  /** Event number {@code i}: a pure function of i and the constructor's arguments. */
  ActivityEvent event(long i) {
    SplittableRandom random = new SplittableRandom(0x5EED_0000L + i * 0x9E3779B97F4A7C15L);
    int ws = workspaceDraw.sample(random);
    Instant at = start.plusMillis(i * SPAN.toMillis() / events);
    int user = userDraw.sample(random) + 1;
    boolean audit = random.nextDouble() < AUDIT_SHARE;
    String type =
        audit
            ? pick(AUDIT_TYPES, AUDIT_WEIGHTS, random)
            : pick(ACTIVITY_TYPES, ACTIVITY_WEIGHTS, random);
    String ticket = "t-" + random.nextInt(ticketsOf(ws));
    ActivityEvent.Builder e =
        ActivityEvent.newBuilder()
            .setEventId(UUID.nameUUIDFromBytes(("bench|" + i).getBytes()).toString())
            .setChangeId("chg-" + i)
            .setWorkspaceId(workspaceId(ws))
            .setOccurredAt(at)
            .setProcessedAt(at.plusMillis(150 + random.nextInt(200)))
            .setCategory(audit ? Category.audit : Category.activity)
            .setType(type)
            .setChanges(List.of())
            .setDetails(Map.of())
            .setTransactionId("tx-" + i)
            .setActor(
                !audit && random.nextDouble() < UNATTRIBUTED_SHARE
                    ? unattributed()
                    : actor(user, type, random))
            .setSource(
                SourcePosition.newBuilder()
                    .setConnector("bench")
                    .setSchema$("helpdesk")
                    .setTable("tickets")
                    .setLsn(i + 1)
                    .setTxOrder(1L)
                    .setTopic("bench.helpdesk.tickets")
                    .setPartition(0)
                    .setOffset(i)
                    .build());
    if (audit) {
      auditRecord(e, type, ws, user, random);
    } else {
      activityRecord(e, type, ticket, random);
    }
    return e.build();
  }

  private static void auditRecord(
      ActivityEvent.Builder e, String type, int ws, int user, SplittableRandom random) {
    switch (type) {
      case "role_changed" -> {
        // another member's role: an administrator now and then, so "administrator actions" are
        // the actions of whoever held the role at that moment
        String role = random.nextDouble() < ADMIN_SHARE ? "admin" : "agent";
        e.setRecordType("team_member")
            .setRecordId("u-" + (1 + random.nextInt(USERS_PER_WORKSPACE)))
            .setChanges(List.of(change("role", role.equals("admin") ? "agent" : "admin", role)));
      }
      case "data_exported" ->
          e.setRecordType("workspace")
              .setRecordId(workspaceId(ws))
              .setDetails(
                  Map.of(
                      "export",
                      random.nextBoolean() ? "activities" : "audit-events",
                      "format",
                      "csv",
                      "rows",
                      Integer.toString(1 + random.nextInt(50_000))));
      case "file_downloaded" -> e.setRecordType("file").setRecordId("f-" + user);
      default -> e.setRecordType("workspace").setRecordId(workspaceId(ws));
    }
    e.setRecordDisplay(e.getRecordType() + " " + e.getRecordId());
    if (type.equals("login_failed")) {
      e.setDetails(Map.of("reason", "bad_password"));
    }
  }

  private static void activityRecord(
      ActivityEvent.Builder e, String type, String ticket, SplittableRandom random) {
    switch (type) {
      case "file_attached", "file_deleted" ->
          e.setRecordType("file")
              .setRecordId("f-" + random.nextInt(1_000_000))
              .setParentRecordType("ticket")
              .setParentRecordId(ticket)
              .setDetails(Map.of("file_name", "screenshot.png", "size_bytes", "48213"));
      case "message_received", "message_sent" ->
          e.setRecordType("ticket")
              .setRecordId(ticket)
              .setDetails(
                  Map.of("direction", type.equals("message_received") ? "inbound" : "outbound"));
      default -> {
        double r = random.nextDouble();
        e.setRecordType(r < 0.75 ? "ticket" : r < 0.9 ? "asset" : "customer");
        e.setRecordId(
            r < 0.75 ? ticket : e.getRecordType().charAt(0) + "-" + random.nextInt(5_000));
      }
    }
    e.setRecordDisplay("#" + e.getRecordId() + " Printer on fire");
    switch (type) {
      case "status_changed" ->
          e.setChanges(
              List.of(change("status", STATUSES[random.nextInt(5)], STATUSES[random.nextInt(5)])));
      case "assigned" ->
          e.setChanges(
              List.of(change("assignee_id", "u-" + random.nextInt(50), "u-" + random.nextInt(50))));
      case "updated" -> e.setChanges(List.of(change("priority", "low", "high")));
      default -> {}
    }
  }

  private static Actor actor(int user, String type, SplittableRandom random) {
    boolean failed = type.endsWith("_failed");
    return Actor.newBuilder()
        .setType("user")
        .setId("u-" + user)
        .setName("User " + user)
        .setIp(failed ? "203.0.113." + random.nextInt(256) : "10.0." + (user % 256) + ".7")
        .setUserAgent("Mozilla/5.0 (bench)")
        .setRequestId("req-" + Long.toHexString(random.nextLong()))
        .setChannel("web")
        .setSource("context")
        .setExtra(Map.of())
        .build();
  }

  private static Actor unattributed() {
    return Actor.newBuilder()
        .setType("unattributed")
        .setSource("none")
        .setDbUser("ops_script")
        .setExtra(Map.of())
        .build();
  }

  private static FieldChange change(String field, String oldValue, String newValue) {
    return FieldChange.newBuilder()
        .setField(field)
        .setOld(oldValue)
        .setNew$(newValue)
        .setSensitive(false)
        .build();
  }

  private static String pick(String[] values, double[] weights, SplittableRandom random) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double r = random.nextDouble() * total;
    for (int k = 0; k < values.length; k++) {
      r -= weights[k];
      if (r < 0) {
        return values[k];
      }
    }
    return values[values.length - 1];
  }
}
