package io.activitytrail.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.activitytrail.clickhouse.InvalidCursorException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * How every route group answers (docs/api.md): JSON bodies that are never cached, {@code {"error":
 * ...}} for refusals, {@code "parameter"} naming what a 400 is about, and one mapping of failures
 * to statuses.
 */
public final class ApiResponses {

  public static final Map<String, Object> NOT_FOUND = Map.of("error", "not found");

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiResponses() {}

  public static int json(HttpExchange exchange, int status, Object body) throws IOException {
    return bytes(
        exchange,
        status,
        "application/json",
        JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
  }

  public static int bytes(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
    return status;
  }

  /** The body of a 400: the message and the parameter it is about. */
  public static Map<String, Object> parameterError(String parameter, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    body.put("parameter", parameter);
    return body;
  }

  /**
   * Answers a request that threw: 401 with the challenge for a token, 400 for a parameter or a
   * cursor, else 500 (logged with {@code what}, the cause never shown to the caller).
   */
  public static int failed(HttpExchange exchange, RuntimeException e, Logger log, String what)
      throws IOException {
    if (e instanceof Unauthorized unauthorized) {
      exchange.getResponseHeaders().set("WWW-Authenticate", unauthorized.challenge());
      return json(exchange, 401, Map.of("error", unauthorized.getMessage()));
    }
    if (e instanceof BadParameter bad) {
      return json(exchange, 400, parameterError(bad.parameter(), bad.getMessage()));
    }
    if (e instanceof InvalidCursorException) {
      return json(
          exchange, 400, parameterError("cursor", "the cursor is not valid for this query"));
    }
    log.error("{} {} failed", what, exchange.getRequestURI(), e);
    return json(exchange, 500, Map.of("error", "internal error"));
  }
}
