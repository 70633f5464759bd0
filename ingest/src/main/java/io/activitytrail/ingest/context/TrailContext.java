package io.activitytrail.ingest.context;

import io.activitytrail.schemas.context.ActorContext;
import io.activitytrail.schemas.context.AuditEvent;
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
    call(connection, "SELECT trail.emit_context(?::jsonb)", context.toJson());
  }

  /**
   * Records an audit event at once, whatever becomes of the surrounding transaction (a failed login
   * is recorded even if the platform then rolls back).
   */
  public static void emitEvent(Connection connection, AuditEvent event) throws SQLException {
    call(connection, "SELECT trail.emit_event(?::jsonb)", event.toJson());
  }

  private static void call(Connection connection, String sql, String json) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, json);
      statement.execute();
    }
  }
}
