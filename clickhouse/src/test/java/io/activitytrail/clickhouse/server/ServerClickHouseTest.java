package io.activitytrail.clickhouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activitytrail.clickhouse.ActivityRows;
import io.activitytrail.clickhouse.ClickHouseException;
import io.activitytrail.clickhouse.TestEvents;
import io.activitytrail.clickhouse.server.FakeClickHouseServer.Request;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServerClickHouseTest {

  private FakeClickHouseServer server;
  private ServerClickHouse ch;

  @BeforeEach
  void setUp() throws IOException {
    server = new FakeClickHouseServer();
    ch = ServerClickHouse.connect(server.url(), "trail", "secret", "trail");
  }

  @AfterEach
  void tearDown() {
    ch.close();
    server.close();
  }

  @Test
  @DisplayName(
      "a query is POSTed as text with its parameters as escaped param_<name> values, never in the SQL")
  void queryBindsParametersApart() {
    server.answer("{\"v\":\"x\",\"n\":5}\n");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("v", "a\tb\\c'); DROP TABLE t; --");
    params.put("n", 5);
    params.put("missing", null);

    List<Map<String, Object>> rows =
        ch.query("SELECT {v:String} AS v, {n:UInt32} AS n, {missing:Nullable(String)}", params);

    assertThat(rows).containsExactly(Map.of("v", "x", "n", 5));
    Request request = single();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.body())
        .isEqualTo("SELECT {v:String} AS v, {n:UInt32} AS n, {missing:Nullable(String)}");
    assertThat(request.params())
        .containsEntry("param_v", "a\\tb\\\\c'); DROP TABLE t; --")
        .containsEntry("param_n", "5")
        .containsEntry("param_missing", "\\N")
        .containsEntry("output_format_json_quote_64bit_integers", "0");
    assertThat(header(request, "X-ClickHouse-Format")).isEqualTo("JSONEachRow");
    assertThat(header(request, "X-ClickHouse-Database")).isEqualTo("trail");
    assertThat(header(request, "Authorization")).isEqualTo("Basic dHJhaWw6c2VjcmV0");
  }

  @Test
  @DisplayName("a one-column read asks for RowBinary and returns each value's bytes untouched")
  void queryStringsReadsRowBinary() {
    byte[] tab = "a\tb".getBytes(StandardCharsets.UTF_8);
    server.answer(new byte[] {3, tab[0], tab[1], tab[2], 0});

    List<byte[]> values =
        ch.queryStrings("SELECT payload FROM t WHERE id = {id:String}", Map.of("id", "x"));

    assertThat(values).containsExactly(tab, new byte[0]);
    Request request = single();
    assertThat(header(request, "X-ClickHouse-Format")).isEqualTo("RowBinary");
    assertThat(request.params()).containsEntry("param_id", "x");
  }

  @Test
  @DisplayName(
      "an insert sends INSERT INTO `db`.`table` (columns) FORMAT JSONEachRow with the rows as the uncompressed body")
  void insertSendsRowsAsBody() throws IOException {
    byte[] rows =
        ActivityRows.toJsonEachRow(List.of(TestEvents.ticketUpdated("e-1", "ws-1", "42", 0, 7)));

    ch.insert("trail.activity", List.of("event_id", "workspace_id"), rows);

    Request request = single();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.params().get("query"))
        .isEqualTo(golden("server-insert-statement.txt").strip());
    assertThat(request.params()).doesNotContainKeys("compress", "decompress");
    assertThat(request.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("Content-Encoding"));
    assertThat(request.body()).isEqualTo(new String(rows, StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("DDL is POSTed as the body, in the configured database")
  void executeSendsStatement() {
    ch.execute("CREATE DATABASE IF NOT EXISTS `trail`");

    Request request = single();
    assertThat(request.body()).isEqualTo("CREATE DATABASE IF NOT EXISTS `trail`");
    assertThat(header(request, "X-ClickHouse-Database")).isEqualTo("trail");
  }

  @Test
  @DisplayName(
      "a server error becomes ClickHouseException with the server's code, classified for retry")
  void serverErrorsAreClassified() {
    server.fail(60);
    assertThatThrownBy(() -> ch.query("SELECT * FROM nope", Map.of()))
        .isInstanceOf(ClickHouseException.class)
        .hasMessageContaining("simulated failure")
        .satisfies(
            e -> {
              assertThat(((ClickHouseException) e).code()).isEqualTo(60);
              assertThat(((ClickHouseException) e).isRetriable()).isFalse();
            });

    server.fail(252);
    assertThatThrownBy(() -> ch.insert("trail.activity", List.of("a"), "{\"a\":1}\n".getBytes()))
        .isInstanceOfSatisfying(
            ClickHouseException.class, e -> assertThat(e.isRetriable()).isTrue());
  }

  @Test
  @DisplayName("an unreachable server is a retriable failure naming the URL")
  void unreachableIsRetriable() {
    server.close();
    assertThatThrownBy(() -> ch.execute("SELECT 1"))
        .isInstanceOfSatisfying(
            ClickHouseException.class,
            e -> {
              assertThat(e.isRetriable()).isTrue();
              assertThat(e.getMessage()).contains(server.url());
            });
  }

  private Request single() {
    assertThat(server.requests()).hasSize(1);
    return server.requests().get(0);
  }

  private static String header(Request request, String name) {
    return request.headers().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(e -> e.getValue().get(0))
        .findFirst()
        .orElse(null);
  }

  private static String golden(String name) throws IOException {
    try (InputStream in =
        ServerClickHouseTest.class.getClassLoader().getResourceAsStream("golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
