package io.activitytrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activitytrail.api.Role;
import io.activitytrail.e2e.TrailApi.Answer;
import io.activitytrail.ingest.context.TrailContext;
import io.activitytrail.schemas.context.ActorContext;
import io.activitytrail.schemas.context.ActorType;
import io.activitytrail.schemas.context.AuditEvent;
import io.activitytrail.schemas.context.Channel;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The data the API's refusal tests ask for (docs/api.md "Who sees what", docs/exports.md): two
 * workspaces written through PostgreSQL and the pipeline. A (a ticket with two events, two audit
 * events) gives real cursors of each kind; B (a ticket and an export) is what A's tokens must not
 * see. Waiting for the pipeline takes seconds, so the test classes of a JVM share one pair, as they
 * share the stack.
 */
final class TwoWorkspaces {
  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(90);
  private static TwoWorkspaces shared;

  // Remembered so that, with the pipeline down, only the first class waits out the timeout.
  private static Throwable failure;

  /** A workspace and the ids its paths need; A has no export of its own (exportId null). */
  record Workspace(String id, long ticket, String exportId) {}

  private final TrailApi api;
  private final Workspace a;
  private final Workspace b;

  /** Real cursors from A's pages, by placeholder. */
  private final Map<String, String> cursors;

  private TwoWorkspaces(TrailApi api, Workspace a, Workspace b, Map<String, String> cursors) {
    this.api = api;
    this.a = a;
    this.b = b;
    this.cursors = cursors;
  }

  static synchronized TwoWorkspaces shared() throws Exception {
    if (failure != null) {
      throw new IllegalStateException(
          "writing the two workspaces failed in an earlier test class", failure);
    }
    if (shared == null) {
      try {
        shared = write(E2eStack.shared());
      } catch (Exception | AssertionError e) {
        failure = e;
        throw e;
      }
    }
    return shared;
  }

  TrailApi api() {
    return api;
  }

  /** Workspace A: the caller's own. */
  Workspace a() {
    return a;
  }

  /** Workspace B: another tenant, with data and an export of its own. */
  Workspace b() {
    return b;
  }

  /**
   * The full path of a path below /v1/workspaces/{ws}, its placeholders ({ticket}, {export},
   * {feed-cursor}, {audit-cursor}, {timeline-asc-cursor}, {timeline-desc-cursor}) filled in.
   */
  String path(Workspace ws, String below) {
    String filled =
        below
            .replace("{ticket}", Long.toString(ws.ticket()))
            .replace(
                "{export}", ws.exportId() == null ? UUID.randomUUID().toString() : ws.exportId());
    for (Map.Entry<String, String> cursor : cursors.entrySet()) {
      filled = filled.replace(cursor.getKey(), cursor.getValue());
    }
    return "/v1/workspaces/" + ws.id() + filled;
  }

  /** How many data_exported events a workspace's audit log holds (read as its admin). */
  long dataExported(Workspace ws) {
    Answer answer =
        api.send(
            "GET",
            path(ws, "/audit-events?type=data_exported&limit=500"),
            TrailApi.bearer(ws.id(), Role.admin));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().get("items").size();
  }

  private static TwoWorkspaces write(E2eStack stack) throws SQLException {
    TrailApi api = new TrailApi(stack.apiUrl());
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String idA = "e2e-err-a-" + suffix;
    String idB = "e2e-err-b-" + suffix;
    long ticketA;
    long ticketB;
    Map<String, String> pg = stack.postgres();
    try (Connection c =
        DriverManager.getConnection(pg.get("url"), pg.get("user"), pg.get("password"))) {
      ticketA = workspaceWithTicket(c, idA, true);
      ticketB = workspaceWithTicket(c, idB, false);
      Instant now = Instant.now();
      TrailContext.emitEvent(
          c,
          AuditEvent.builder(AuditEvent.LOGIN_FAILED, idA, now)
              .actor(ActorType.USER, "7", "Ada Agent")
              .ip("198.51.100.7")
              .reason("bad_password")
              .build());
      TrailContext.emitEvent(
          c,
          AuditEvent.builder(AuditEvent.LOGIN_SUCCEEDED, idA, now.plusMillis(5))
              .actor(ActorType.USER, "7", "Ada Agent")
              .ip("198.51.100.7")
              .build());
    }
    String feedA = "/v1/workspaces/" + idA + "/activities";
    String auditA = "/v1/workspaces/" + idA + "/audit-events";
    String timelineA = "/v1/workspaces/" + idA + "/records/ticket/" + ticketA + "/timeline";
    String feedB = "/v1/workspaces/" + idB + "/activities";
    awaitAtLeast(api, feedA + "?limit=500", idA, 3, "A's workspace, ticket and status change");
    awaitAtLeast(api, auditA + "?limit=500", idA, 2, "A's two logins");
    awaitAtLeast(api, timelineA + "?limit=500", idA, 2, "A's ticket created and changed");
    awaitAtLeast(api, feedB + "?limit=500", idB, 2, "B's workspace and ticket");

    Map<String, String> cursors = new HashMap<>();
    cursors.put("{feed-cursor}", nextCursor(api, feedA + "?limit=1", idA));
    cursors.put("{audit-cursor}", nextCursor(api, auditA + "?limit=1", idA));
    cursors.put("{timeline-asc-cursor}", nextCursor(api, timelineA + "?limit=1", idA));
    cursors.put("{timeline-desc-cursor}", nextCursor(api, timelineA + "?limit=1&order=desc", idA));

    Answer export =
        api.send(
            "POST",
            "/v1/workspaces/" + idB + "/exports?kind=activities&format=jsonl",
            TrailApi.bearer(idB, Role.admin));
    assertThat(export.status()).as(export.body()).isEqualTo(200);
    assertThat(export.body().lines()).hasSizeGreaterThanOrEqualTo(2);
    String exportB = export.header("Trail-Export-Id");
    assertThat(exportB).isNotBlank();

    return new TwoWorkspaces(
        api,
        new Workspace(idA, ticketA, null),
        new Workspace(idB, ticketB, exportB),
        Map.copyOf(cursors));
  }

  private static String nextCursor(TrailApi api, String path, String workspace) {
    Answer answer = api.send("GET", path, TrailApi.bearer(workspace, Role.admin));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode cursor = answer.json().get("next_cursor");
    assertThat(cursor.isNull()).as("a next page after " + path).isFalse();
    return cursor.asText();
  }

  private static void awaitAtLeast(
      TrailApi api, String path, String workspace, int count, String what) {
    long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
    int seen = 0;
    while (System.nanoTime() < deadline) {
      Answer answer = api.send("GET", path, TrailApi.bearer(workspace, Role.admin));
      if (answer.status() == 200) {
        seen = answer.json().get("items").size();
        if (seen >= count) {
          return;
        }
      }
      TrailApi.sleep(200);
    }
    throw new AssertionError(
        "timed out after " + VISIBLE_WITHIN + " waiting for " + what + " (" + seen + " seen)");
  }

  /** A workspace and a ticket (A's ticket also changes status), each committed with a context. */
  private static long workspaceWithTicket(Connection c, String ws, boolean changeStatus)
      throws SQLException {
    c.setAutoCommit(false);
    TrailContext.emit(c, ActorContext.builder(ActorType.SYSTEM).channel(Channel.SYSTEM).build());
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into helpdesk.workspaces (id, name, plan, retention_days)"
                + " values (?, ?, 'business', 365)")) {
      ps.setString(1, ws);
      ps.setString(2, "Workspace " + ws);
      ps.executeUpdate();
    }
    long ticket;
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into helpdesk.tickets (workspace_id, number, subject, status, priority)"
                + " values (?, 1, 'Printer on fire', 'open', 'normal') returning id")) {
      ps.setString(1, ws);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        ticket = rs.getLong(1);
      }
    }
    c.commit();
    if (changeStatus) {
      TrailContext.emit(c, ActorContext.user("7", "Ada Agent").build());
      try (PreparedStatement ps =
          c.prepareStatement("update helpdesk.tickets set status = 'pending' where id = ?")) {
        ps.setLong(1, ticket);
        ps.executeUpdate();
      }
      c.commit();
    }
    c.setAutoCommit(true);
    return ticket;
  }
}
