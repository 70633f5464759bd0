package io.activitytrail.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's HTTP API on 127.0.0.1: health, the workspace feed and record timelines. No
 * authentication yet, which is why it binds to loopback only.
 */
public final class ApiServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final ActivitySource source;
  private final Supplier<String> jobState;

  private ApiServer(
      HttpServer server,
      ExecutorService executor,
      ActivitySource source,
      Supplier<String> jobState) {
    this.server = server;
    this.executor = executor;
    this.source = source;
    this.jobState = jobState;
  }

  /**
   * @param port 0 picks a free port (tests)
   * @param jobState the Flink job's state name; /health answers 200 only when it is RUNNING
   */
  public static ApiServer start(int port, ActivitySource source, Supplier<String> jobState)
      throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    ExecutorService executor = Executors.newFixedThreadPool(4);
    ApiServer api = new ApiServer(http, executor, source, jobState);
    http.createContext("/", api::handle);
    http.setExecutor(executor);
    http.start();
    return api;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, error("method", "only GET is supported"));
        return;
      }
      Optional<ApiRequest> request;
      try {
        request =
            ApiRequest.parse(
                exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery());
      } catch (ApiRequest.BadParameter e) {
        respond(exchange, 400, error(e.parameter(), e.getMessage()));
        return;
      }
      if (request.isEmpty()) {
        respond(exchange, 404, error("path", "no endpoint " + exchange.getRequestURI().getPath()));
        return;
      }
      answer(exchange, request.get());
    } catch (RuntimeException e) {
      LOG.error("request {} failed", exchange.getRequestURI(), e);
      respond(exchange, 500, Map.of("error", "internal error: " + e.getMessage()));
    }
  }

  private void answer(HttpExchange exchange, ApiRequest request) throws IOException {
    if (request instanceof ApiRequest.Feed f) {
      respond(exchange, 200, ActivityJson.page(source.feed(f.workspace(), f.limit())));
    } else if (request instanceof ApiRequest.Timeline t) {
      respond(
          exchange,
          200,
          ActivityJson.page(
              source.timeline(t.workspace(), t.recordType(), t.recordId(), t.limit())));
    } else {
      String state = jobState.get();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", "RUNNING".equals(state) ? "ok" : "degraded");
      body.put("job", state);
      respond(exchange, "RUNNING".equals(state) ? 200 : 503, body);
    }
  }

  private static Map<String, Object> error(String parameter, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    body.put("parameter", parameter);
    return body;
  }

  private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
