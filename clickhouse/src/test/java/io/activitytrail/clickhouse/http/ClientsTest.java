package io.activitytrail.clickhouse.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.GenericRecord;
import io.activitytrail.clickhouse.ClickHouseException;
import io.activitytrail.clickhouse.server.ServerClickHouse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The official clients against the interface, with their default settings: client-v2 (and the
 * project's server adapter built on it) and ClickHouse JDBC run the views' queries.
 */
class ClientsTest {

  private static final String USER = SqlInterface.CREDENTIALS.user();
  private static final String PASSWORD = SqlInterface.CREDENTIALS.password();

  @Test
  @DisplayName("client-v2 with its defaults (compressed answers) reads a view with parameters")
  void clientV2() throws Exception {
    try (Client client =
        new Client.Builder()
            .addEndpoint(SqlInterface.url())
            .setUsername(USER)
            .setPassword(PASSWORD)
            .setDefaultDatabase(SqlInterface.database())
            .build()) {
      assertThat(client.ping()).isTrue();
      List<GenericRecord> rows =
          client.queryAll(
              "SELECT ip, count() AS failures FROM logins WHERE NOT succeeded"
                  + " AND workspace_id = {ws:String} GROUP BY ip ORDER BY failures DESC, ip",
              Map.of("ws", "acme"));
      assertThat(rows).hasSize(2);
      assertThat(rows.get(0).getString("ip")).isEqualTo("192.0.2.50");
      assertThat(rows.get(0).getLong("failures")).isEqualTo(3);
      assertThat(rows.get(1).getString("ip")).isEqualTo("203.0.113.10");
    }
  }

  @Test
  @DisplayName("client-v2 gets ClickHouse's code for a refused write")
  void clientV2Refused() {
    try (Client client =
        new Client.Builder()
            .addEndpoint(SqlInterface.url())
            .setUsername(USER)
            .setPassword(PASSWORD)
            .setDefaultDatabase(SqlInterface.database())
            .build()) {
      assertThatThrownBy(() -> client.execute("DROP TABLE activity").get())
          .isInstanceOf(com.clickhouse.client.api.ServerException.class)
          .satisfies(
              e ->
                  assertThat(((com.clickhouse.client.api.ServerException) e).getCode())
                      .isEqualTo(164));
    }
  }

  @Test
  @DisplayName("the project's server adapter reads rows and strings, and reports refusals by code")
  void serverAdapter() {
    try (ServerClickHouse ch =
        ServerClickHouse.connect(SqlInterface.url(), USER, PASSWORD, SqlInterface.database())) {
      assertThat(
              ch.query(
                  "SELECT export, rows FROM exports_and_downloads WHERE kind = {k:String}"
                      + " ORDER BY occurred_at",
                  Map.of("k", "export")))
          .containsExactly(
              Map.of("export", "tickets", "rows", 1200),
              Map.of("export", "customers", "rows", 300));
      assertThat(
              ch
                  .queryStrings(
                      "SELECT ifNull(record_display, '') FROM record_views WHERE record_id = {id:String}"
                          + " ORDER BY occurred_at",
                      Map.of("id", "c-9"))
                  .stream()
                  .map(String::new)
                  .toList())
          .containsExactly("Cora Customer", "Cora Customer");
      assertThatThrownBy(() -> ch.execute("TRUNCATE TABLE activity"))
          .isInstanceOf(ClickHouseException.class)
          .satisfies(e -> assertThat(((ClickHouseException) e).code()).isEqualTo(164));
    }
  }

  @Test
  @DisplayName("ClickHouse JDBC with its defaults runs a view's query, prepared and plain")
  void jdbc() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", USER);
    props.setProperty("password", PASSWORD);
    String url =
        "jdbc:clickhouse://127.0.0.1:"
            + SqlInterface.server().port()
            + "/"
            + SqlInterface.database();
    try (Connection c = DriverManager.getConnection(url, props)) {
      List<String> changes = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT subject_name, old_value, new_value, changed_by_name, approved_by"
                  + " FROM permission_changes WHERE workspace_id = ? ORDER BY occurred_at")) {
        s.setString(1, "acme");
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            changes.add(
                rs.getString(1)
                    + ": "
                    + rs.getString(2)
                    + " -> "
                    + rs.getString(3)
                    + " by "
                    + rs.getString(4)
                    + ", approved by "
                    + rs.getString(5));
          }
        }
      }
      assertThat(changes)
          .containsExactly(
              "Ben Agent: agent -> admin by Olivia Owner, approved by u2",
              "Ada Agent: agent -> light_agent by Adam Admin, approved by null");
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count() FROM events WHERE workspace_id = 'acme'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isPositive();
      }
      try (Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.execute("DELETE FROM activity WHERE 1"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("164");
      }
    }
  }
}
