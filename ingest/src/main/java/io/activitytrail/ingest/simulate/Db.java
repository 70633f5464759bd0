package io.activitytrail.ingest.simulate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Parameter-bound statements, so that no simulated text is ever pasted into SQL. */
final class Db {
  private Db() {}

  static long insert(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql + " RETURNING id", params);
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("no id returned by: " + sql);
      }
      return rs.getLong(1);
    }
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params)) {
      return s.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return s;
    } catch (SQLException e) {
      s.close();
      throw e;
    }
  }
}
