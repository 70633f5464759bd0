package io.activitytrail.clickhouse.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activitytrail.clickhouse.ClickHouseException;
import io.activitytrail.clickhouse.JsonEachRow;
import io.activitytrail.clickhouse.TestClickHouse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedClickHouseTest {

  private EmbeddedClickHouse ch;
  private String db;

  @BeforeEach
  void setUp() {
    ch = TestClickHouse.open();
    db = TestClickHouse.freshDatabase();
    ch.execute("CREATE DATABASE " + db);
    ch.execute(
        "CREATE TABLE " + db + ".notes (id UInt64, body String) ENGINE = MergeTree ORDER BY id");
  }

  @Test
  @DisplayName(
      "parameter values are bound, not pasted: tabs, newlines, backslashes, quotes, \\N and unicode arrive intact")
  void bindsTrickyParameterValues() {
    String tricky = "a\tb\nc\\d 'e' \"f\" \\N Zoë 🚀 '); DROP TABLE x; --";
    List<Map<String, Object>> rows =
        ch.query(
            "SELECT {v:String} AS v, {n:Nullable(String)} AS n", params("v", tricky, "n", null));
    assertThat(rows)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get("v")).isEqualTo(tricky);
              assertThat(r.get("n")).isNull();
            });
  }

  @Test
  @DisplayName("64-bit integers come back as JSON numbers, not strings")
  void int64AsNumbers() {
    List<Map<String, Object>> rows =
        ch.query(
            "SELECT toUInt64(9007199254740993) AS big, count() AS c FROM numbers(3)", Map.of());
    assertThat(rows.get(0).get("big")).isEqualTo(9007199254740993L);
    assertThat(rows.get(0).get("c")).isEqualTo(3);
  }

  @Test
  @DisplayName(
      "insert streams rows: a blank line or SQL inside a value is data, never a statement end")
  void insertKeepsBlankLinesInsideValues() {
    String body = "first\n\nSELECT 1; DROP TABLE " + db + ".notes;\n\nlast";
    ch.insert(
        db + ".notes",
        List.of("id", "body"),
        JsonEachRow.write(List.of(Map.of("id", 1, "body", body), Map.of("id", 2, "body", ""))));

    List<Map<String, Object>> rows =
        ch.query("SELECT id, body FROM " + db + ".notes ORDER BY id", Map.of());
    assertThat(rows).extracting(r -> r.get("body")).containsExactly(body, "");
  }

  @Test
  @DisplayName(
      "a failing statement raises ClickHouseException with the engine's code and leaves the connection usable")
  void errorsAreCleanAndRecoverable() {
    assertThatThrownBy(() -> ch.query("SELECT * FROM " + db + ".missing", Map.of()))
        .isInstanceOf(ClickHouseException.class)
        .hasMessageContaining("missing")
        .satisfies(e -> assertThat(((ClickHouseException) e).code()).isEqualTo(60));
    assertThatThrownBy(
            () ->
                ch.insert(
                    db + ".notes",
                    List.of("id", "body"),
                    "{\"id\": \"not a number\"}\n".getBytes()))
        .isInstanceOf(ClickHouseException.class);

    assertThat(ch.query("SELECT 1 AS one", Map.of())).containsExactly(Map.of("one", 1));
  }

  @Test
  @DisplayName(
      "a closed handle refuses use instead of touching the native connection; other handles keep working")
  void closedHandleRefusesUse() {
    EmbeddedClickHouse other = TestClickHouse.open();
    other.close();

    assertThatThrownBy(() -> other.query("SELECT 1", Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(ch.query("SELECT 1 AS one", Map.of())).hasSize(1);
  }

  @Test
  @DisplayName("a second storage path in the same process is refused with both paths named")
  void secondPathRefused(@TempDir Path elsewhere) {
    assertThatThrownBy(() -> EmbeddedClickHouse.open(LibChdb.locate(), elsewhere))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(elsewhere.toString())
        .hasMessageContaining(TestClickHouse.dataDir().toString());
  }

  @Test
  @DisplayName("the same storage path gives handles on the same engine")
  void samePathSharesEngine() {
    try (EmbeddedClickHouse again =
        EmbeddedClickHouse.open(LibChdb.locate(), TestClickHouse.dataDir())) {
      assertThat(again.query("SELECT count() AS n FROM " + db + ".notes", Map.of()))
          .containsExactly(Map.of("n", 0));
    }
  }

  private static Map<String, Object> params(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
