package io.activitytrail.clickhouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Parameters, formats, databases, headers and limits, as on a ClickHouse server. */
class ProtocolTest {

  @Test
  @DisplayName("param_<name> binds a {name:Type} placeholder; a hostile value stays a value")
  void parameters() {
    HttpResponse<String> r =
        Requests.post(
            "SELECT count() FROM logins WHERE ip = {ip:String}", Map.of("param_ip", "192.0.2.50"));
    assertThat(r.body()).isEqualTo("3\n");
    HttpResponse<String> hostile =
        Requests.post(
            "SELECT {v:String} AS v",
            Map.of(
                "param_v",
                "x' OR 1=1; DROP TABLE activity; --\\tand a tab",
                "default_format",
                "JSONEachRow"));
    assertThat(hostile.body())
        .isEqualTo("{\"v\":\"x' OR 1=1; DROP TABLE activity; --\\tand a tab\"}\n");
  }

  @Test
  @DisplayName("default_format, X-ClickHouse-Format and a FORMAT clause choose the output")
  void formats() throws Exception {
    HttpResponse<String> json =
        Requests.post(
            "SELECT outcome, count() AS n FROM logins GROUP BY outcome ORDER BY outcome",
            Map.of("default_format", "JSONEachRow"));
    assertThat(json.body())
        .isEqualTo("{\"outcome\":\"failure\",\"n\":6}\n{\"outcome\":\"success\",\"n\":3}\n");
    assertThat(json.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=UTF-8");
    assertThat(json.headers().firstValue("X-ClickHouse-Format")).hasValue("JSONEachRow");

    HttpResponse<String> csv =
        Requests.send(
            HttpRequest.newBuilder(Requests.uri(Map.of()))
                .header("Authorization", Requests.basic("auditor", "s3cret pass"))
                .header("X-ClickHouse-Format", "CSVWithNames")
                .POST(HttpRequest.BodyPublishers.ofString("SELECT 1 AS a, 'x' AS b")));
    assertThat(csv.body()).isEqualTo("\"a\",\"b\"\n1,\"x\"\n");

    assertThat(Requests.post("SELECT 1 AS a FORMAT JSONEachRow").body()).isEqualTo("{\"a\":1}\n");

    HttpResponse<String> plain = Requests.post("SELECT 7");
    Map<String, Object> summary =
        new ObjectMapper()
            .readValue(plain.headers().firstValue("X-ClickHouse-Summary").orElseThrow(), Map.class);
    assertThat(summary).containsKeys("read_rows", "read_bytes", "elapsed_ns");
    assertThat(plain.headers().firstValue("X-ClickHouse-Query-Id")).isPresent();
    assertThat(plain.headers().firstValue("X-ClickHouse-Timezone")).isPresent();
  }

  @Test
  @DisplayName("database (URL or X-ClickHouse-Database) sets the current database; unknown is 81")
  void database() {
    assertThat(Requests.post("SELECT currentDatabase()", Map.of("database", "system")).body())
        .isEqualTo("system\n");
    HttpResponse<String> unknown =
        Requests.post("SELECT 1", Map.of("database", "no_such_database"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("81");
  }

  @Test
  @DisplayName("query_id is echoed; query and POST body are joined into one statement")
  void queryIdAndSplitStatement() {
    HttpResponse<String> r =
        Requests.post(
            "FROM logins WHERE succeeded", Map.of("query", "SELECT count()", "query_id", "q-42"));
    assertThat(r.body()).isEqualTo("3\n");
    assertThat(r.headers().firstValue("X-ClickHouse-Query-Id")).hasValue("q-42");
  }

  @Test
  @DisplayName("a result over max_result_rows is refused (396), not cut")
  void resultRowsBounded() {
    HttpResponse<String> r = Requests.post("SELECT number FROM numbers(100000)");
    assertThat(r.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("396");
    assertThat(r.body()).startsWith("Code: 396.");
    // and the next answer is whole, with nothing left over from the refused one
    assertThat(Requests.post("SELECT 'next'").body()).isEqualTo("next\n");
  }

  @Test
  @DisplayName("a result over max_result_bytes is refused (396)")
  void resultBytesBounded() {
    HttpResponse<String> r =
        Requests.post(
            "SELECT repeat('x', 4096) FROM numbers(600) UNION ALL SELECT repeat('y', 4096) FROM numbers(300)");
    assertThat(r.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("396");
  }

  @Test
  @DisplayName("a statement running past max_execution_time is stopped (159, 408)")
  void executionTimeBounded() {
    HttpResponse<String> r =
        Requests.post("SELECT count() FROM numbers(1000000000000) WHERE sipHash64(number) = 1");
    assertThat(r.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("159");
    assertThat(r.statusCode()).isEqualTo(408);
  }

  @Test
  @DisplayName("a statement needing more than max_memory_usage is stopped (241)")
  void memoryBounded() {
    // One allocation past the 200 MiB test limit at once: a query that grows slowly can meet the
    // 2 s time limit first on a loaded machine (seen: 159 instead of 241).
    HttpResponse<String> r = Requests.post("SELECT length(repeat('x', 300000000))");
    assertThat(r.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("241");
  }

  @Test
  @DisplayName("a syntax error comes back as ClickHouse's error with status 400")
  void syntaxError() {
    HttpResponse<String> r = Requests.post("SELEKT 1");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("62");
  }
}
