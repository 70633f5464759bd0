package io.activitytrail.clickhouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.clickhouse.ComplianceDataset;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The interface is read-only by ClickHouse's own doing: every statement that writes, changes the
 * schema or changes a setting comes back as a ClickHouse error, and the data is as it was.
 */
class ReadOnlyEnforcementTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "INSERT INTO activity (event_id, workspace_id) VALUES ('x', 'acme')",
        "INSERT INTO activity (event_id) SELECT event_id FROM activity",
        "ALTER TABLE activity DELETE WHERE 1",
        "ALTER TABLE activity UPDATE record_id = 'x' WHERE 1",
        "ALTER TABLE activity ADD COLUMN hacked UInt8",
        "DELETE FROM activity WHERE 1",
        "DROP TABLE activity",
        "DROP VIEW events",
        "TRUNCATE TABLE activity",
        "OPTIMIZE TABLE activity FINAL",
        "CREATE TABLE stolen (a UInt8) ENGINE = Memory",
        "CREATE VIEW mine AS SELECT 1",
        "RENAME TABLE activity TO gone",
        "SET readonly = 0",
        "SET max_execution_time = 100000",
        "SELECT 1 SETTINGS readonly = 0",
        "SELECT 1 SETTINGS max_result_rows = 0",
        "SELECT * FROM file('/etc/hostname', 'LineAsString')",
        "SELECT 1 INTO OUTFILE '/tmp/trail-sql-outfile.txt'",
        "INSERT INTO FUNCTION file('/tmp/trail-sql-file.tsv', 'TSV', 'a UInt8') VALUES (1)",
        "SYSTEM DROP MARK CACHE",
        "KILL QUERY WHERE 1",
        "SELECT 1; DROP TABLE activity"
      })
  @DisplayName(
      "a statement that writes, alters or changes a setting is refused with ClickHouse's error")
  void refused(String statement) {
    HttpResponse<String> response = Requests.post(statement);

    assertThat(response.statusCode()).isBetween(400, 599);
    assertThat(response.body()).matches("(?s)Code: (164|62)\\. DB::Exception: .*\\n");
    assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code"))
        .hasValueSatisfying(code -> assertThat(code).isIn("164", "62"));
    assertThat(Requests.post("SELECT count() FROM activity").body())
        .as("the dataset's events (its replayed copy merged away), none more, none less")
        .isEqualTo(
            ComplianceDataset.events().stream().map(e -> e.getEventId()).distinct().count() + "\n");
    assertThat(Requests.post("EXISTS TABLE events").body()).isEqualTo("1\n");
    assertThat(new java.io.File("/tmp/trail-sql-outfile.txt")).doesNotExist();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"readonly,0", "readonly,2", "max_execution_time,3600", "max_result_rows,0"})
  @DisplayName("a URL setting that would change the session is refused as ClickHouse refuses it")
  void urlSettingChangeRefused(String setting, String value) {
    HttpResponse<String> response = Requests.post("SELECT 1", Map.of(setting, value));

    assertThat(response.body())
        .isEqualTo(
            "Code: 164. DB::Exception: Cannot modify '"
                + setting
                + "' setting in readonly mode. (READONLY)\n");
    assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("164");
  }

  @Test
  @DisplayName("a URL setting at the value the session has changes nothing and is accepted")
  void urlSettingAtItsValueAccepted() {
    HttpResponse<String> response =
        Requests.post(
            "SELECT 1",
            Map.of("readonly", "1", "output_format_json_quote_64bit_integers", "false"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("1\n");
  }

  @Test
  @DisplayName("an unknown URL setting is refused with UNKNOWN_SETTING")
  void unknownSetting() {
    HttpResponse<String> response = Requests.post("SELECT 1", Map.of("no_such_setting", "1"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("115");
  }

  @Test
  @DisplayName("SELECT, SHOW, DESCRIBE, EXPLAIN and EXISTS work")
  void readsWork() {
    assertThat(Requests.post("SELECT count() FROM logins WHERE NOT succeeded").body())
        .isEqualTo("6\n");
    assertThat(Requests.post("SHOW TABLES").body()).contains("events\n").contains("logins\n");
    assertThat(Requests.post("DESCRIBE TABLE logins").body()).startsWith("event_id\tString");
    assertThat(Requests.post("EXPLAIN SELECT 1").statusCode()).isEqualTo(200);
    assertThat(Requests.post("EXISTS TABLE activity").body()).isEqualTo("1\n");
  }
}
