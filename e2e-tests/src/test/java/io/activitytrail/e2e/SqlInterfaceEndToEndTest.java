package io.activitytrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.query.GenericRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The engine serves its store on ClickHouse's HTTP interface, read-only, as status says. */
class SqlInterfaceEndToEndTest {

  private E2eStack stack;

  @BeforeEach
  void startStack() {
    stack = E2eStack.shared();
  }

  @Test
  @DisplayName("status --json names the SQL interface; the official client reads the views there")
  @SuppressWarnings("unchecked")
  void officialClientReadsTheViews() throws Exception {
    Map<String, Object> http = (Map<String, Object>) stack.statusJson().get("clickhouse_http");
    assertThat(http).containsKeys("url", "user", "password");
    Path credentials = stack.home().resolve("conf/clickhouse-http");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
        .isEqualTo("rw-------");

    try (Client client =
        new Client.Builder()
            .addEndpoint((String) http.get("url"))
            .setUsername((String) http.get("user"))
            .setPassword((String) http.get("password"))
            .setDefaultDatabase("trail")
            .build()) {
      List<GenericRecord> tables = client.queryAll("SHOW TABLES");
      assertThat(tables.stream().map(r -> r.getString(1)))
          .contains("events", "logins", "field_changes", "permission_changes");
      List<GenericRecord> count =
          client.queryAll(
              "SELECT count() AS n FROM events WHERE occurred_at >= {from:DateTime64(3, 'UTC')}",
              Map.of("from", "1970-01-01 00:00:00.000"));
      assertThat(count.get(0).getLong("n")).isNotNegative();
      // queryAll wraps the server's refusal; its text is ClickHouse's, code first
      assertThatThrownBy(() -> client.queryAll("DROP TABLE trail.activity"))
          .hasStackTraceContaining(ServerException.class.getName())
          .hasStackTraceContaining("Code: 164");
    }
  }
}
