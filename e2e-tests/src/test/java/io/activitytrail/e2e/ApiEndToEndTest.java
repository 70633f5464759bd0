package io.activitytrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The HTTP API on the real stack: keyset paging while the pipeline writes, ticket timelines. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiEndToEndTest {
  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(90);

  private E2eStack stack;
  private TrailApi api;
  private final ExecutorService writer = Executors.newSingleThreadExecutor();

  @BeforeAll
  void startStack() {
    stack = E2eStack.shared();
    api = new TrailApi(stack.apiUrl());
  }

  @AfterAll
  void stopWriter() {
    writer.shutdownNow();
  }

  @Test
  @DisplayName(
      "paging the feed while new tickets flow through the pipeline skips and repeats" + " nothing")
  void pagingUnderConcurrentInserts() throws Exception {
    String ws = newWorkspace();
    insertTickets(ws, 1, 40);
    int before = 41; // the workspace's own created event and 40 tickets
    List<String> existing =
        ids(api.awaitFeed(ws, items -> items.size() >= before, VISIBLE_WITHIN, before + " events"));

    Future<?> writes =
        writer.submit(
            () -> {
              insertTickets(ws, 41, 40);
              return null;
            });
    List<String> paged = pageThrough(ws, 5, Duration.ofMillis(150));
    writes.get(60, TimeUnit.SECONDS);

    assertThat(paged).doesNotHaveDuplicates().containsAll(existing);

    int after = before + 40;
    api.awaitFeed(ws, items -> items.size() >= after, VISIBLE_WITHIN, after + " events");
    List<String> all = pageThrough(ws, 9, Duration.ZERO);
    assertThat(all).doesNotHaveDuplicates().hasSize(after).containsAll(paged);
  }

  @Test
  @DisplayName("a ticket's timeline interleaves its messages with its changes in commit order")
  void ticketTimelineWithMessages() throws Exception {
    String ws = newWorkspace();
    long ticket;
    try (Connection c = db()) {
      ticket =
          single(
              c,
              "insert into helpdesk.tickets (workspace_id, number, subject, status, priority)"
                  + " values (?, 5, 'VPN drops', 'open', 'normal') returning id",
              ws);
      message(c, ws, ticket, "inbound", "It drops every hour");
      setStatus(c, ticket, "pending");
      message(c, ws, ticket, "outbound", "Try the new client");
      message(c, ws, ticket, "inbound", "Still drops");
      setStatus(c, ticket, "open");
    }
    List<String> expected =
        List.of(
            "created",
            "message_received",
            "status_changed",
            "message_sent",
            "message_received",
            "status_changed");
    String path = "/v1/workspaces/" + ws + "/records/ticket/" + ticket + "/timeline";
    long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
    List<String> types = List.of();
    while (System.nanoTime() < deadline && types.size() < expected.size()) {
      types = types(api.page(path + "?limit=500").get("items"));
      TrailApi.sleep(250);
    }
    assertThat(types).containsExactlyElementsOf(expected);

    List<String> desc = types(api.page(path + "?order=desc").get("items"));
    List<String> reversed = new ArrayList<>(expected);
    Collections.reverse(reversed);
    assertThat(desc).containsExactlyElementsOf(reversed);

    List<String> paged = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = api.page(path + "?limit=2" + cursorParam(cursor));
      paged.addAll(types(page.get("items")));
      cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
    } while (cursor != null);
    assertThat(paged).containsExactlyElementsOf(expected);
  }

  private List<String> pageThrough(String ws, int limit, Duration pause) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          api.page("/v1/workspaces/" + ws + "/activities?limit=" + limit + cursorParam(cursor));
      page.get("items").forEach(i -> ids.add(i.get("event_id").asText()));
      cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
      TrailApi.sleep(pause.toMillis());
    } while (cursor != null);
    return ids;
  }

  private static String cursorParam(String cursor) {
    return cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
  }

  private static List<String> ids(List<JsonNode> items) {
    return items.stream().map(i -> i.get("event_id").asText()).toList();
  }

  private static List<String> types(JsonNode items) {
    List<String> types = new ArrayList<>();
    items.forEach(i -> types.add(i.get("type").asText()));
    return types;
  }

  private void insertTickets(String ws, int firstNumber, int count) throws SQLException {
    try (Connection c = db();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into helpdesk.tickets (workspace_id, number, subject, status, priority)"
                    + " values (?, ?, ?, 'open', 'normal')")) {
      for (int n = firstNumber; n < firstNumber + count; n++) {
        ps.setString(1, ws);
        ps.setInt(2, n);
        ps.setString(3, "Ticket " + n);
        ps.executeUpdate();
        TrailApi.sleep(20);
      }
    }
  }

  private static void message(Connection c, String ws, long ticket, String direction, String body)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into helpdesk.ticket_messages (workspace_id, ticket_id, direction, author_id,"
                + " body) values (?, ?, ?, 1, ?)")) {
      ps.setString(1, ws);
      ps.setLong(2, ticket);
      ps.setString(3, direction);
      ps.setString(4, body);
      ps.executeUpdate();
    }
  }

  private static long single(Connection c, String sql, String ws) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, ws);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void setStatus(Connection c, long ticket, String status) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("update helpdesk.tickets set status = ? where id = ?")) {
      ps.setString(1, status);
      ps.setLong(2, ticket);
      ps.executeUpdate();
    }
  }

  private String newWorkspace() throws SQLException {
    String ws = "e2e-api-" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = db();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into helpdesk.workspaces (id, name, plan, retention_days)"
                    + " values (?, ?, 'business', 365)")) {
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
}
