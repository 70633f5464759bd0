package io.activitytrail.bench.queries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.FieldChange;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The usual alternative, for comparison: the same rows in a plain PostgreSQL table {@code
 * audit_bench} with the indexes one would add for these questions, loaded with COPY, asked over
 * JDBC.
 */
final class PostgresAuditBench implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "event_id, workspace_id, occurred_at, source_lsn, source_tx_order, category, type,"
          + " record_type, record_id, record_display, parent_record_type, parent_record_id,"
          + " actor_type, actor_id, actor_name, actor_ip, actor_user_agent, actor_channel,"
          + " actor_db_user, changes, details, transaction_id";
  private static final String ORDER_DESC =
      " ORDER BY occurred_at DESC, source_lsn DESC, source_tx_order DESC, event_id DESC LIMIT ?";

  private final Connection db;
  private final BenchTargets targets;

  private PostgresAuditBench(Connection db, BenchTargets targets) {
    this.db = db;
    this.targets = targets;
  }

  /**
   * Connects to the local stack's PostgreSQL as {@code stack.json} describes it; fails with what to
   * do when the stack is not up.
   */
  static PostgresAuditBench connect(Path stackFile, BenchTargets targets) {
    if (!Files.isRegularFile(stackFile)) {
      throw new IllegalStateException(
          "the PostgreSQL comparison needs the local stack, but "
              + stackFile
              + " does not exist: run `trail up` first");
    }
    JsonNode stack;
    try {
      stack = JSON.readTree(stackFile.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + stackFile, e);
    }
    String url = stack.path("postgres_jdbc_url").asText(null);
    if (url == null) {
      throw new IllegalStateException(stackFile + " names no postgres_jdbc_url: run `trail up`");
    }
    try {
      Connection connection =
          DriverManager.getConnection(
              url, stack.path("postgres_user").asText(), stack.path("postgres_password").asText());
      return new PostgresAuditBench(connection, targets);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "the local stack's PostgreSQL at "
              + url
              + " does not answer ("
              + e.getMessage()
              + "): run `trail up` first",
          e);
    }
  }

  /** Drops and recreates the table, without indexes (they are built after the load). */
  void createTable() throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("DROP TABLE IF EXISTS audit_bench");
      s.execute(
          """
          CREATE UNLOGGED TABLE audit_bench (
            event_id text PRIMARY KEY, workspace_id text NOT NULL,
            occurred_at timestamptz NOT NULL, source_lsn bigint, source_tx_order bigint,
            category text NOT NULL, type text NOT NULL, record_type text NOT NULL,
            record_id text NOT NULL, record_display text, parent_record_type text,
            parent_record_id text, actor_type text NOT NULL, actor_id text, actor_name text,
            actor_ip text, actor_user_agent text, actor_channel text, actor_db_user text,
            changes jsonb NOT NULL, details jsonb NOT NULL, transaction_id text)
          """);
    }
  }

  /** COPYs one batch of events. */
  void copy(List<ActivityEvent> events) throws SQLException, IOException {
    StringBuilder csv = new StringBuilder(events.size() * 400);
    for (ActivityEvent e : events) {
      Csv.row(
          csv,
          e.getEventId(),
          e.getWorkspaceId(),
          e.getOccurredAt().toString(),
          e.getSource().getLsn(),
          e.getSource().getTxOrder(),
          e.getCategory().name(),
          e.getType(),
          e.getRecordType(),
          e.getRecordId(),
          e.getRecordDisplay(),
          e.getParentRecordType(),
          e.getParentRecordId(),
          e.getActor().getType(),
          e.getActor().getId(),
          e.getActor().getName(),
          e.getActor().getIp(),
          e.getActor().getUserAgent(),
          e.getActor().getChannel(),
          e.getActor().getDbUser(),
          JSON.writeValueAsString(changes(e.getChanges())),
          JSON.writeValueAsString(e.getDetails()),
          e.getTransactionId());
    }
    CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
    copy.copyIn(
        "COPY audit_bench (" + COLUMNS + ") FROM STDIN (FORMAT csv)",
        new StringReader(csv.toString()));
  }

  /** The indexes these questions want, then fresh statistics. */
  void index() throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("CREATE INDEX ON audit_bench (workspace_id, occurred_at DESC)");
      s.execute("CREATE INDEX ON audit_bench (workspace_id, record_type, record_id, occurred_at)");
      s.execute(
          "CREATE INDEX ON audit_bench (workspace_id, parent_record_type, parent_record_id,"
              + " occurred_at)");
      s.execute("CREATE INDEX ON audit_bench (workspace_id, actor_id, occurred_at)");
      s.execute("CREATE INDEX ON audit_bench (workspace_id, type, occurred_at)");
      s.execute("ANALYZE audit_bench");
    }
  }

  /** Bytes the table, its TOAST and its indexes take on disk. */
  long sizeBytes() throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT pg_total_relation_size('audit_bench')")) {
      r.next();
      return r.getLong(1);
    }
  }

  int ask(BenchQuery query) {
    String base = "SELECT " + COLUMNS + " FROM audit_bench WHERE workspace_id = ?";
    try {
      return switch (query) {
        case FEED -> rows(base + " AND category = 'activity'" + ORDER_DESC);
        case FEED_USER ->
            rows(base + " AND category = 'activity' AND actor_id = ?" + ORDER_DESC, targets.user());
        case FEED_TYPE ->
            rows(base + " AND category = 'activity' AND type = ?" + ORDER_DESC, BenchTargets.TYPE);
        case TIMELINE -> {
          String ticket = targets.ticket();
          yield rows(
              base
                  + " AND ((record_type = 'ticket' AND record_id = ?)"
                  + " OR (parent_record_type = 'ticket' AND parent_record_id = ?))"
                  + " ORDER BY occurred_at, source_lsn, source_tx_order, event_id LIMIT ?",
              ticket,
              ticket);
        }
        case AUDIT -> rows(base + " AND category = 'audit'" + ORDER_DESC);
      };
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL query " + query.key + " failed: " + e, e);
    }
  }

  /**
   * One compliance question with the same values as on ClickHouse; returns the number of rows (all
   * columns read).
   */
  int ask(ComplianceQuery query, CompliancePeriods periods) {
    Map<String, Object> values = periods.values();
    try (PreparedStatement ps = db.prepareStatement(query.postgresSql)) {
      int i = 1;
      for (String name : query.postgresParams) {
        ps.setString(i++, ComplianceProbe.postgresText(values.get(name)));
      }
      return readAll(ps);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL query " + query.key + " failed: " + e, e);
    }
  }

  private int rows(String sql, String... values) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      int i = 1;
      ps.setString(i++, BenchTargets.WORKSPACE);
      for (String value : values) {
        ps.setString(i++, value);
      }
      // The same one-extra row the API fetches to know whether a next page exists.
      ps.setInt(i, BenchTargets.PAGE + 1);
      return readAll(ps);
    }
  }

  private static int readAll(PreparedStatement ps) throws SQLException {
    int n = 0;
    try (ResultSet rs = ps.executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int c = 1; c <= columns; c++) {
          rs.getObject(c);
        }
        n++;
      }
    }
    return n;
  }

  private static List<Map<String, Object>> changes(List<FieldChange> changes) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FieldChange c : changes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("field", c.getField());
      m.put("old", c.getOld());
      m.put("new", c.getNew$());
      out.add(m);
    }
    return out;
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
