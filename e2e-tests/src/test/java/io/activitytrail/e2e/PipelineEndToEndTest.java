package io.activitytrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole pipeline on the real local stack, started by the same launcher as {@code trail up}:
 * PostgreSQL, Kafka, Connect with Debezium, the registry, the Flink job and embedded ClickHouse.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineEndToEndTest {
  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(90);

  private E2eStack stack;
  private TrailApi api;

  @BeforeAll
  void startStack() {
    stack = E2eStack.shared();
    api = new TrailApi(stack.apiUrl());
  }

  @Test
  @DisplayName(
      "inserts, updates and deletes become exactly the expected activities, with old and new values")
  void changesBecomeActivities() throws SQLException {
    String ws = newWorkspace();
    long customerId;
    long ticketId;
    long assetId;
    try (Connection c = db()) {
      customerId =
          insertReturningId(
              c,
              "insert into helpdesk.customers (workspace_id, name, email, phone, company)"
                  + " values (?, 'Ada Lovelace', 'ada@example.com', null, 'Analytical Engines')"
                  + " returning id",
              ws);
      ticketId =
          insertReturningId(
              c,
              "insert into helpdesk.tickets (workspace_id, number, subject, status, priority, customer_id)"
                  + " values (?, 1001, 'Printer jams on page 2', 'open', 'normal', "
                  + customerId
                  + ") returning id",
              ws);
      assetId =
          insertReturningId(
              c,
              "insert into helpdesk.assets (workspace_id, name, asset_tag, status)"
                  + " values (?, 'LaserJet 4', 'AT-0042', 'in_use') returning id",
              ws);
      update(
          c,
          "update helpdesk.tickets set subject = 'Printer jams on every page', priority = 'high'"
              + " where id = ?",
          ticketId);
      // Only an ignored column changes: no activity may come of it.
      update(
          c,
          "update helpdesk.tickets set updated_at = now() + interval '1 hour' where id = ?",
          ticketId);
      update(
          c, "update helpdesk.customers set phone = '+44 20 7946 0000' where id = ?", customerId);
      update(c, "delete from helpdesk.assets where id = ?", assetId);
    }

    List<JsonNode> feed =
        api.awaitFeed(
            ws, items -> ofRecordTypes(items).size() >= 6, VISIBLE_WITHIN, "six activities");
    TrailApi.sleep(
        2_000); // anything extra (a generic update for updated_at, a duplicate) shows by now
    List<JsonNode> activities = ofRecordTypes(api.feed(ws, 500));

    assertThat(summaries(activities))
        .containsExactlyInAnyOrder(
            "created customer " + customerId,
            "created ticket " + ticketId,
            "created asset " + assetId,
            "updated ticket "
                + ticketId
                + " priority: normal -> high; subject: Printer jams on page 2"
                + " -> Printer jams on every page",
            "updated customer " + customerId + " phone: null -> +44 20 7946 0000",
            "deleted asset " + assetId);
    assertThat(activities)
        .allSatisfy(
            a -> {
              assertThat(a.path("workspace_id").asText()).isEqualTo(ws);
              assertThat(a.path("occurred_at").asText())
                  .matches("\\d{4}-\\d\\d-\\d\\dT.*\\.\\d{3}Z");
              assertThat(a.path("event_id").asText()).isNotBlank();
            });
    JsonNode created =
        activities.stream()
            .filter(a -> a.path("type").asText().equals("created"))
            .filter(a -> a.path("record_type").asText().equals("ticket"))
            .findFirst()
            .orElseThrow();
    assertThat(created.path("record_display").asText()).isEqualTo("#1001 Printer jams on page 2");
    assertThat(feed).isNotEmpty();
  }

  @Test
  @DisplayName(
      "a Flink job killed mid-stream resumes from its checkpoint: nothing lost, nothing doubled")
  void engineRestartLosesNothingAndDoublesNothing() throws Exception {
    String ws = newWorkspace();
    long ticketId;
    try (Connection c = db()) {
      ticketId =
          insertReturningId(
              c,
              "insert into helpdesk.tickets (workspace_id, number, subject, status, priority)"
                  + " values (?, 7, 'v0', 'open', 'normal') returning id",
              ws);
    }
    int updates = 150;
    ExecutorService writer = Executors.newSingleThreadExecutor();
    Future<?> writes =
        writer.submit(
            () -> {
              try (Connection c = db();
                  PreparedStatement ps =
                      c.prepareStatement("update helpdesk.tickets set subject = ? where id = ?")) {
                for (int i = 1; i <= updates; i++) {
                  ps.setString(1, "v" + i);
                  ps.setLong(2, ticketId);
                  ps.executeUpdate();
                  Thread.sleep(40);
                }
              }
              return null;
            });
    TrailApi.sleep(2_000);
    stack.killAndRestartEngine();
    writes.get();
    writer.shutdown();

    api.awaitFeed(
        ws,
        items -> count(items, "updated") >= updates,
        VISIBLE_WITHIN,
        updates + " updates after the restart");
    TrailApi.sleep(3_000); // a duplicate replayed from Kafka would show by now
    List<JsonNode> timeline = api.timeline(ws, "ticket", Long.toString(ticketId));

    List<String> subjects = new ArrayList<>();
    for (JsonNode a : timeline) {
      if (a.path("type").asText().equals("updated")) {
        JsonNode change = a.path("changes").get(0);
        assertThat(change.path("field").asText()).isEqualTo("subject");
        subjects.add(change.path("old").asText() + "->" + change.path("new").asText());
      }
    }
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= updates; i++) {
      expected.add("v" + (i - 1) + "->v" + i);
    }
    assertThat(subjects)
        .as("every update once, in commit order")
        .containsExactlyElementsOf(expected);
    Set<String> ids = new HashSet<>();
    timeline.forEach(a -> ids.add(a.path("event_id").asText()));
    assertThat(ids).hasSize(timeline.size());
  }

  private static List<JsonNode> ofRecordTypes(List<JsonNode> items) {
    Set<String> types = Set.of("ticket", "customer", "asset");
    return items.stream().filter(a -> types.contains(a.path("record_type").asText())).toList();
  }

  private static long count(List<JsonNode> items, String type) {
    return items.stream().filter(a -> a.path("type").asText().equals(type)).count();
  }

  /**
   * "type record_type record_id field: old -> new; ..." with fields sorted: readable in a failure.
   */
  private static List<String> summaries(List<JsonNode> activities) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : activities) {
      List<String> changes = new ArrayList<>();
      if (a.path("type").asText().equals("updated")) {
        a.path("changes")
            .forEach(
                ch ->
                    changes.add(
                        ch.path("field").asText()
                            + ": "
                            + text(ch.path("old"))
                            + " -> "
                            + text(ch.path("new"))));
      }
      String summary =
          a.path("type").asText()
              + " "
              + a.path("record_type").asText()
              + " "
              + a.path("record_id").asText();
      out.add(
          changes.isEmpty()
              ? summary
              : summary + " " + changes.stream().sorted().collect(Collectors.joining("; ")));
    }
    return out;
  }

  private static String text(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? "null" : n.asText();
  }

  private String newWorkspace() throws SQLException {
    String ws = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = db();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into helpdesk.workspaces (id, name, plan, retention_days) values (?, ?, 'business', 365)")) {
      ps.setString(1, ws);
      ps.setString(2, "Workspace " + ws);
      ps.executeUpdate();
    }
    return ws;
  }

  private Connection db() throws SQLException {
    Map<String, String> pg = stack.postgres();
    return DriverManager.getConnection(pg.get("url"), pg.get("user"), pg.get("password"));
  }

  private static long insertReturningId(Connection c, String sql, String ws) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, ws);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void update(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }
}
