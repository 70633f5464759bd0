package io.activitytrail.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** The platform's PostgreSQL of the e2e stack, as the tests write to it: plain JDBC. */
final class PlatformDb {

  private PlatformDb() {}

  /** An autocommit connection: each statement its own transaction (a direct SQL change). */
  static Connection connect(E2eStack stack) throws SQLException {
    Map<String, String> pg = stack.postgres();
    return DriverManager.getConnection(pg.get("url"), pg.get("user"), pg.get("password"));
  }

  /** A connection for one explicit transaction (commit it). */
  static Connection transaction(E2eStack stack) throws SQLException {
    Connection c = connect(stack);
    c.setAutoCommit(false);
    return c;
  }

  static void exec(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      s.executeUpdate();
    }
  }

  /** The first column of the first row, e.g. of {@code insert ... returning id}. */
  static long id(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }
}
