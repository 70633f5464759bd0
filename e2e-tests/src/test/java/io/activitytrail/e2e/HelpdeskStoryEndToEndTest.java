package io.activitytrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
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
                return DriverManager.getConnection(pg.get("url"), pg.get("user"), pg.get("password"));
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    story.setUp();
    story.run();
    // The last step is the direct SQL update: once it shows, the story has been processed.
    api.awaitFeed(
        story.ws,
        items -> items.stream().anyMatch(a -> a.path("actor").path("type").asText().equals("unattributed")),
        VISIBLE_WITHIN,
        "the direct SQL update");
    TrailApi.sleep(3_000); // late or duplicated events would show by now
  }

  @Test
  @DisplayName("the ticket's timeline holds its messages, notes, files and changes, in commit order")
  void ticketTimeline() throws IOException {
    List<JsonNode> timeline = api.timeline(story.ws, "ticket", Long.toString(story.ticket));
    assertThat(lines(timeline)).containsExactlyElementsOf(golden("story/ticket-timeline.txt"));
  }

  @Test
  @DisplayName("the workspace feed shows activities and team actions, never failed logins or exports")
  void workspaceFeed() throws IOException {
    List<JsonNode> feed = api.feed(story.ws, 500);
    assertThat(lines(reversed(feed))).containsExactlyElementsOf(golden("story/workspace-feed.txt"));
  }

  @Test
  @DisplayName("the audit log holds logins, the role and setting changes and the export, with their actors")
  void auditLog() throws IOException {
    List<JsonNode> audit = api.audit(story.ws);
    assertThat(lines(reversed(audit))).containsExactlyElementsOf(golden("story/audit-log.txt"));
  }

  private static List<JsonNode> reversed(List<JsonNode> newestFirst) {
    List<JsonNode> copy = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(copy);
    return copy;
  }

  /** "type record_type:record_id by actor_type:actor_name | field: old -> new (display), ..." */
  private List<String> lines(List<JsonNode> items) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : items) {
      String actor = a.path("actor").path("type").asText() + ":" + text(a.path("actor").path("name"));
      String line =
          a.path("type").asText()
              + " "
              + a.path("record_type").asText()
              + ":"
              + placeholders(a.path("record_id").asText())
              + " by "
              + actor;
      if (!a.path("type").asText().equals("created")) {
        List<String> changes = new ArrayList<>();
        a.path("changes")
            .forEach(
                ch -> {
                  String change =
                      ch.path("field").asText()
                          + ": "
                          + value(ch.path("old"))
                          + " -> "
                          + value(ch.path("new"));
                  if (!ch.path("new_display").isMissingNode() && !ch.path("new_display").isNull()) {
                    change += " (" + text(ch.path("old_display")) + " -> " + text(ch.path("new_display")) + ")";
                  }
                  changes.add(change);
                });
        if (!changes.isEmpty()) {
          line += " | " + changes.stream().sorted().collect(Collectors.joining(", "));
        }
      }
      out.add(line);
    }
    return out;
  }

  private String value(JsonNode n) {
    String s = text(n);
    // Commit timestamps differ from run to run.
    return s.matches("\\d{4}-\\d\\d-\\d\\dT.*Z") ? "<time>" : placeholders(s);
  }

  private String placeholders(String s) {
    Map<String, Long> ids =
        Map.of(
            "{ticket}", story.ticket,
            "{admin}", story.admin,
            "{agent}", story.agent,
            "{agent2}", story.agentTwo,
            "{customer}", story.customer,
            "{attachment}", story.attachment);
    for (Map.Entry<String, Long> id : ids.entrySet()) {
      if (s.equals(Long.toString(id.getValue()))) {
        return id.getKey();
      }
    }
    return s.equals(story.ws) ? "{ws}" : s;
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
