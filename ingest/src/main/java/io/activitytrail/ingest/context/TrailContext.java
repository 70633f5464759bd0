package io.activitytrail.ingest.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The platform side of attribution: one call per write transaction. Uses the SQL functions of
 * {@code infra/sql/trail-context.sql}, which must be installed in the database.
 *
 * <pre>{@code
 * connection.setAutoCommit(false);
 * TrailContext.emit(connection, ActorContext.user("42", "Dana Agent").ip(ip).requestId(rid).build());
 * // ... the transaction's writes ...
 * connection.commit();
 * }</pre>
 */
public final class TrailContext {
  public static final String CONTEXT_PREFIX = "trail.context";
  public static final String EVENT_PREFIX = "trail.event";

  private static final ObjectMapper JSON = new ObjectMapper();

  private TrailContext() {}

  /**
   * Marks the current transaction with who makes its changes. The message is decoded only if the
   * transaction commits, so it is never attributed to changes that were rolled back.
   *
   * @throws IllegalStateException if the connection is in auto-commit mode: the context would be a
   *     transaction of its own and attribute nothing
   */
  public static void emit(Connection connection, ActorContext context) throws SQLException {
    if (connection.getAutoCommit()) {
      throw new IllegalStateException(
          "TrailContext.emit must run inside the write transaction: call setAutoCommit(false) first");
    }
    call(connection, "SELECT trail.emit_context(?::jsonb)", toJson(context));
  }

  /**
   * Records an audit event at once, whatever becomes of the surrounding transaction (a failed login
   * is recorded even if the platform then rolls back).
   */
  public static void emitEvent(Connection connection, AuditEvent event) throws SQLException {
    call(connection, "SELECT trail.emit_event(?::jsonb)", toJson(event));
  }

  /** The JSON text that {@link #emit} sends. */
  public static String toJson(ActorContext context) {
    return write(context);
  }

  /** The JSON text that {@link #emitEvent} sends. */
  public static String toJson(AuditEvent event) {
    return write(event);
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  private static void call(Connection connection, String sql, String json) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, json);
      statement.execute();
    }
  }
}
