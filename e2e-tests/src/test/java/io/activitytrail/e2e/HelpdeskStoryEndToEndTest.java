package io.activitytrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 3's scripted story on the real stack: every step as the platform would commit it, then the
 * exact timeline, feed and audit log, compared with golden files under {@code story/}. Lines name
 * type, record, actor and the diff; ids are written as placeholders ({ticket}, {agent}, ...).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelpdeskStoryEndToEndTest {
  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(90);

  private TrailApi api;
  private HelpdeskStory story;

  @BeforeAll
  void tellTheStory() throws SQLException {
    E2eStack stack = E2eStack.shared();
    api = new TrailApi(stack.apiUrl());
    Map<String, String> pg = stack.postgres();
    story =
        new HelpdeskStory(
            "story-" + UUID.randomUUID().toString().substring(0, 8),
            () -> {
              try {
                return DriverManager.getConnection(
                    pg.get("url"), pg.get("user"), pg.get("password"));
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    story.setUp();
    // Display names are learned from the users' own row changes, read from another topic than the
    // tickets': a platform's team exists before it assigns tickets, and so it does here.
    api.awaitFeed(
        story.ws,
        items -> items.stream().filter(a -> a.path("type").asText().equals("created")).count() >= 4,
        VISIBLE_WITHIN,
        "the team and the customer");
    story.run();
    // The last step is the direct SQL update: once it shows, the story has been processed.
    api.awaitFeed(
        story.ws,
        items ->
            items.stream()
                .anyMatch(a -> a.path("actor").path("type").asText().equals("unattributed")),
        VISIBLE_WITHIN,
        "the direct SQL update");
    TrailApi.sleep(3_000); // late or duplicated events would show by now
  }

  @Test
  @DisplayName(
      "the ticket's timeline holds its messages, notes, files and changes, in commit order")
  void ticketTimeline() throws IOException {
    List<JsonNode> timeline = api.timeline(story.ws, "ticket", Long.toString(story.ticket));
    assertThat(lines(timeline)).containsExactlyElementsOf(golden("story/ticket-timeline.txt"));
  }

  @Test
  @DisplayName(
      "the workspace feed shows activities and team actions, never failed logins or exports")
  void workspaceFeed() throws IOException {
    List<JsonNode> feed = api.feed(story.ws, 500);
    assertThat(lines(reversed(feed))).containsExactlyElementsOf(golden("story/workspace-feed.txt"));
  }

  @Test
  @DisplayName(
      "the audit log holds logins, the role and setting changes and the export, with their actors")
  void auditLog() throws IOException {
    List<JsonNode> audit = api.audit(story.ws);
    assertThat(lines(reversed(audit))).containsExactlyElementsOf(golden("story/audit-log.txt"));
  }

  private static List<JsonNode> reversed(List<JsonNode> newestFirst) {
    List<JsonNode> copy = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(copy);
    return copy;
  }

  /** Types that create something: their changes are the initial values, ids and times. */
  private static final java.util.Set<String> CREATIONS =
      java.util.Set.of(
          "created", "message_received", "message_sent", "comment_added", "file_attached");

  /** "type record_type:record_id by actor_type:actor_name | field: old -> new (display), ..." */
  private List<String> lines(List<JsonNode> items) {
    List<String> out = new ArrayList<>();
    List<String> sameChange = new ArrayList<>();
    String changeId = null;
    for (JsonNode a : items) {
      // The activities one change implies share its position; their order among themselves is the
      // order of their (run-dependent) ids, so each change's lines are compared sorted.
      if (!a.path("change_id").asText(a.path("event_id").asText()).equals(changeId)) {
        sameChange.sort(null);
        out.addAll(sameChange);
        sameChange.clear();
        changeId = a.path("change_id").asText(a.path("event_id").asText());
      }
      String type = a.path("type").asText();
      String recordType = a.path("record_type").asText();
      String actor =
          a.path("actor").path("type").asText() + ":" + text(a.path("actor").path("name"));
      String line =
          type
              + " "
              + recordType
              + ":"
              + recordId(recordType, a.path("record_id").asText())
              + " by "
              + actor;
      List<String> changes = new ArrayList<>();
      if (!CREATIONS.contains(type)) {
        a.path("changes")
            .forEach(
                ch -> {
                  String field = ch.path("field").asText();
                  String change =
                      field
                          + ": "
                          + value(field, ch.path("old"))
                          + " -> "
                          + value(field, ch.path("new"));
                  if (!ch.path("new_display").isMissingNode() && !ch.path("new_display").isNull()) {
                    change +=
                        " ("
                            + text(ch.path("old_display"))
                            + " -> "
                            + text(ch.path("new_display"))
                            + ")";
                  }
                  changes.add(change);
                });
      }
      for (String detail : List.of("internal", "file_name", "reason", "rows")) {
        JsonNode value = a.path("details").path(detail);
        if (!value.isMissingNode()) {
          changes.add(detail + "=" + value.asText());
        }
      }
      if (!changes.isEmpty()) {
        line += " | " + changes.stream().sorted().collect(Collectors.joining(", "));
      }
      sameChange.add(line);
    }
    sameChange.sort(null);
    out.addAll(sameChange);
    return out;
  }

  private String recordId(String recordType, String id) {
    return switch (recordType) {
      case "ticket" -> id.equals(Long.toString(story.ticket)) ? "{ticket}" : id;
      case "file" -> id.equals(Long.toString(story.attachment)) ? "{attachment}" : id;
      case "customer" -> id.equals(Long.toString(story.customer)) ? "{customer}" : id;
      case "team_member" -> user(id);
      case "workspace" -> id.equals(story.ws) ? "{ws}" : id;
      default -> id;
    };
  }

  private String user(String id) {
    if (id.equals(Long.toString(story.admin))) {
      return "{admin}";
    }
    if (id.equals(Long.toString(story.agent))) {
      return "{agent}";
    }
    return id.equals(Long.toString(story.agentTwo)) ? "{agent2}" : id;
  }

  private String value(String field, JsonNode n) {
    String s = text(n);
    if (s.matches("\\d{4}-\\d\\d-\\d\\dT.*Z")) {
      return "<time>"; // commit timestamps differ from run to run
    }
    return field.equals("assignee_id") ? user(s) : s.equals(story.ws) ? "{ws}" : s;
  }

  private static String text(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? "null" : n.asText();
  }

  private static List<String> golden(String resource) throws IOException {
    try (InputStream in =
        HelpdeskStoryEndToEndTest.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing golden file " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    }
  }
}
