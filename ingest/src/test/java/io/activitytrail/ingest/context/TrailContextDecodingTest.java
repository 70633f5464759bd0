package io.activitytrail.ingest.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.ingest.schema.HelpdeskSchema;
import io.activitytrail.ingest.testing.DecodingSlot;
import io.activitytrail.ingest.testing.RealPostgres;
import io.activitytrail.schemas.context.ActorContext;
import io.activitytrail.schemas.context.ActorType;
import io.activitytrail.schemas.context.AuditEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What logical decoding (and so Debezium) sees of the messages that TrailContext writes. */
@DisplayName("TrailContext on a real PostgreSQL with logical decoding")
class TrailContextDecodingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String url;

  @BeforeAll
  static void createDatabase() {
    url = RealPostgres.newDatabase("context");
    HelpdeskSchema.migrate(url, RealPostgres.USER, RealPostgres.PASSWORD);
  }

  @BeforeEach
  void seedWorkspace() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO helpdesk.workspaces (id, name, plan, retention_days)"
              + " VALUES ('acme', 'Acme', 'team', 90) ON CONFLICT (id) DO NOTHING");
    }
  }

  @Test
  @DisplayName(
      "the context is a transactional trail.context message decoded before the update of its transaction")
  void contextTravelsWithTheTransaction() throws Exception {
    ActorContext ctx = ActorContext.user("42", "Dana O'Brien").ip("203.0.113.7").build();
    try (DecodingSlot slot = DecodingSlot.create(url);
        Connection c = connect()) {
      c.setAutoCommit(false);
      TrailContext.emit(c, ctx);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE helpdesk.workspaces SET plan = 'business' WHERE id = 'acme'");
      }
      c.commit();

      List<String> decoded = slot.awaitLines(4);
      assertThat(decoded).hasSize(4);
      assertThat(decoded.get(0)).isEqualTo("BEGIN");
      assertThat(decoded.get(1)).startsWith("message: transactional: 1 prefix: trail.context,");
      assertThat(content(decoded.get(1))).isEqualTo(JSON.readTree(ctx.toJson()));
      assertThat(decoded.get(2))
          .startsWith("table helpdesk.workspaces: UPDATE:")
          .contains("old-key:")
          .contains("plan[text]:'team'")
          .contains("plan[text]:'business'");
      assertThat(decoded.get(3)).isEqualTo("COMMIT");
    }
  }

  @Test
  @DisplayName(
      "a rolled-back transaction leaves no context behind; the next committed one is decoded alone")
  void rollbackDiscardsContext() throws Exception {
    ActorContext committed = ActorContext.user("43", "Committed Carl").build();
    try (DecodingSlot slot = DecodingSlot.create(url);
        Connection c = connect()) {
      c.setAutoCommit(false);
      TrailContext.emit(c, ActorContext.user("42", "Rolled-back Rita").build());
      try (Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE helpdesk.workspaces SET plan = 'free' WHERE id = 'acme'");
      }
      c.rollback();
      TrailContext.emit(c, committed);
      c.commit();

      List<String> decoded = slot.awaitLines(3);
      assertThat(decoded).hasSize(3);
      assertThat(decoded.get(0)).isEqualTo("BEGIN");
      assertThat(content(decoded.get(1))).isEqualTo(JSON.readTree(committed.toJson()));
      assertThat(decoded.get(2)).isEqualTo("COMMIT");
    }
  }

  @Test
  @DisplayName(
      "a failed login is a non-transactional trail.event message, kept even if the transaction rolls back")
  void auditEventSurvivesRollback() throws Exception {
    AuditEvent failed =
        AuditEvent.builder(AuditEvent.LOGIN_FAILED, "acme", Instant.parse("2026-03-01T09:15:00Z"))
            .actor(ActorType.USER, "42", "Dana")
            .reason("mfa_failed")
            .build();
    try (DecodingSlot slot = DecodingSlot.create(url);
        Connection c = connect()) {
      c.setAutoCommit(false);
      TrailContext.emitEvent(c, failed);
      c.rollback();

      List<String> decoded = slot.awaitLines(1);
      assertThat(decoded).hasSize(1);
      assertThat(decoded.get(0)).startsWith("message: transactional: 0 prefix: trail.event,");
      assertThat(content(decoded.get(0))).isEqualTo(JSON.readTree(failed.toJson()));
    }
  }

  @Test
  @DisplayName("values are bound as parameters: quotes and SQL in a name arrive verbatim")
  void valuesAreBoundNotPasted() throws Exception {
    String hostile = "x'); DROP TABLE helpdesk.workspaces; --";
    ActorContext ctx = ActorContext.user("7", hostile).build();
    try (DecodingSlot slot = DecodingSlot.create(url);
        Connection c = connect()) {
      c.setAutoCommit(false);
      TrailContext.emit(c, ctx);
      c.commit();

      List<String> decoded = slot.awaitLines(3);
      assertThat(decoded).hasSize(3);
      assertThat(content(decoded.get(1)).get("actor_name").asText()).isEqualTo(hostile);
    }
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT to_regclass('helpdesk.workspaces')")) {
      rs.next();
      assertThat(rs.getString(1)).as("the table the hostile name tried to drop").isNotNull();
    }
  }

  @Test
  @DisplayName("emit refuses an auto-commit connection, where the context would attribute nothing")
  void emitNeedsATransaction() throws SQLException {
    try (Connection c = connect()) {
      assertThatThrownBy(() -> TrailContext.emit(c, ActorContext.user("1", "A").build()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("setAutoCommit(false)");
    }
  }

  @Test
  @DisplayName("the SQL functions reject a context without actor_type and an event without type")
  void sqlFunctionsValidate() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("SELECT trail.emit_context('{\"actor_id\": \"1\"}')"))
          .hasMessageContaining("must name an actor_type");
      assertThatThrownBy(() -> s.execute("SELECT trail.emit_context('[1, 2]')"))
          .hasMessageContaining("expects a JSON object, got array");
      assertThatThrownBy(() -> s.execute("SELECT trail.emit_event('{\"workspace_id\": \"acme\"}')"))
          .hasMessageContaining("must have a type");
    }
  }

  /** The JSON payload of a decoded message line, as a tree: PostgreSQL re-renders jsonb text. */
  private static JsonNode content(String decodedMessage) throws JsonProcessingException {
    int at = decodedMessage.indexOf(" content:");
    assertThat(at).as("content of %s", decodedMessage).isPositive();
    return JSON.readTree(decodedMessage.substring(at + " content:".length()));
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(url, RealPostgres.USER, RealPostgres.PASSWORD);
  }
}
