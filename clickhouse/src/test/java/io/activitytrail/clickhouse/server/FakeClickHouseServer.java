package io.activitytrail.clickhouse.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP endpoint on 127.0.0.1 that records requests and answers the way a ClickHouse server does:
 * 200 with the X-ClickHouse-* headers and a body in the requested format, or 500 with the error
 * code header and a {@code Code: N. DB::Exception} body.
 */
final class FakeClickHouseServer implements AutoCloseable {

  record Request(
      String method,
      String path,
      Map<String, String> params,
      Map<String, List<String>> headers,
      String body) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile byte[] nextBody = new byte[0];
  private volatile int nextErrorCode;

  FakeClickHouseServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Request> requests() {
    return requests;
  }

  /** The body of the next successful answers (JSONEachRow rows for a query). */
  void answer(String body) {
    answer(body.getBytes(StandardCharsets.UTF_8));
  }

  /** The body of the next successful answers, as bytes (RowBinary rows for a query). */
  void answer(byte[] body) {
    nextBody = body.clone();
    nextErrorCode = 0;
  }

  /** Answer the next requests with ClickHouse error {@code code}. */
  void fail(int code) {
    nextErrorCode = code;
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            queryParams(exchange.getRequestURI().getRawQuery()),
            Map.copyOf(exchange.getRequestHeaders()),
            new String(body, StandardCharsets.UTF_8)));
    var headers = exchange.getResponseHeaders();
    headers.add("X-ClickHouse-Server-Display-Name", "fake");
    headers.add("X-ClickHouse-Query-Id", "q-" + requests.size());
    headers.add("X-ClickHouse-Timezone", "UTC");
    if (nextErrorCode != 0) {
      byte[] error =
          ("Code: " + nextErrorCode + ". DB::Exception: simulated failure. (SIMULATED)\n")
              .getBytes(StandardCharsets.UTF_8);
      headers.add("X-ClickHouse-Exception-Code", Integer.toString(nextErrorCode));
      headers.add("Content-Type", "text/plain; charset=UTF-8");
      exchange.sendResponseHeaders(500, error.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(error);
      }
      return;
    }
    String format = exchange.getRequestHeaders().getFirst("X-ClickHouse-Format");
    headers.add("X-ClickHouse-Format", format == null ? "TabSeparated" : format);
    headers.add(
        "X-ClickHouse-Summary",
        "{\"read_rows\":\"0\",\"read_bytes\":\"0\",\"written_rows\":\"0\",\"written_bytes\":\"0\","
            + "\"total_rows_to_read\":\"0\",\"result_rows\":\"0\",\"result_bytes\":\"0\","
            + "\"elapsed_ns\":\"1000\"}");
    headers.add("Content-Type", "application/x-ndjson; charset=UTF-8");
    byte[] answer = nextBody;
    exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  private static Map<String, String> queryParams(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(name, value);
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
