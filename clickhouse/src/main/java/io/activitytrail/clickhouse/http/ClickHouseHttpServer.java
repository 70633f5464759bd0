package io.activitytrail.clickhouse.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.activitytrail.clickhouse.ClickHouseException;
import io.activitytrail.clickhouse.embedded.ChdbResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ClickHouse's HTTP interface in front of a read-only session of the embedded store, enough of it
 * for the official client-v2, ClickHouse JDBC, Grafana's ClickHouse data source and curl: {@code
 * GET|POST /?query=...}, {@code /ping}, the credentials, parameters, formats, compression, headers
 * ({@code X-ClickHouse-Query-Id}, {@code -Format}, {@code -Summary}, {@code -Timezone}, {@code
 * -Exception-Code}) and error bodies ({@code Code: N. DB::Exception: ...}, with the server's HTTP
 * status for the code) a server has.
 *
 * <p>What may run is not decided here: the session has {@code readonly=1} and the limits as its own
 * settings, so ClickHouse refuses writes, DDL and any setting change, in SQL or in the URL. A
 * setting sent as a URL parameter is accepted only when it changes nothing (ClickHouse's own rule
 * under readonly=1), which this class checks against the session's {@code system.settings}.
 */
public final class ClickHouseHttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseHttpServer.class);
  private static final int MAX_BODY_BYTES = 16 << 20;
  private static final String DISPLAY_NAME = "trail-embedded";

  private final HttpServer server;
  private final ExecutorService executor;
  private final ReadSession session;
  private final SqlCredentials credentials;
  private final String defaultDatabase;
  private final String timezone;

  private ClickHouseHttpServer(
      HttpServer server,
      ExecutorService executor,
      ReadSession session,
      SqlCredentials credentials,
      String defaultDatabase) {
    this.server = server;
    this.executor = executor;
    this.session = session;
    this.credentials = credentials;
    this.defaultDatabase = defaultDatabase;
    this.timezone =
        text(session.run("SELECT timezone()", "TSV", defaultDatabase, Map.of())).strip();
  }

  /**
   * Serves {@code session} on {@code address} (port 0 picks a free one) to clients presenting
   * {@code credentials}; statements run in {@code defaultDatabase} unless the request names one.
   */
  public static ClickHouseHttpServer start(
      InetSocketAddress address,
      ReadSession session,
      SqlCredentials credentials,
      String defaultDatabase)
      throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer http = HttpServer.create(address, 0);
    // Statements are serialized on the session; threads only keep /ping answering beside one.
    ExecutorService executor = Executors.newFixedThreadPool(4);
    ClickHouseHttpServer server =
        new ClickHouseHttpServer(http, executor, session, credentials, defaultDatabase);
    http.createContext("/", server::handle);
    http.setExecutor(executor);
    http.start();
    return server;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/ping") || path.equals("/replicas_status")) {
        send(exchange, 200, "text/plain; charset=UTF-8", "Ok.\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (!path.equals("/") && !path.equals("/query")) {
        send(exchange, 404, "text/plain; charset=UTF-8", "There is no handle " + path + "\n");
        return;
      }
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("POST")) {
        send(exchange, 405, "text/plain; charset=UTF-8", "Only GET and POST are served\n");
        return;
      }
      answer(exchange);
    } catch (IOException e) {
      LOG.debug("client went away during {}", exchange.getRequestURI(), e);
    } catch (RuntimeException e) {
      LOG.error("SQL request {} failed", exchange.getRequestURI(), e);
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = readBody(exchange.getRequestBody());
    SqlRequest request =
        SqlRequest.parse(
            exchange.getRequestURI().getRawQuery(),
            exchange.getRequestHeaders(),
            body,
            defaultDatabase,
            UUID.randomUUID().toString());
    var headers = exchange.getResponseHeaders();
    headers.set("X-ClickHouse-Query-Id", request.queryId());
    headers.set("X-ClickHouse-Server-Display-Name", DISPLAY_NAME);
    headers.set("X-ClickHouse-Timezone", timezone);
    if (!credentials.accepts(request.user(), request.password())) {
      fail(
          exchange,
          516,
          "Code: 516. DB::Exception: "
              + request.user()
              + ": Authentication failed: password is incorrect, or there is no user with such"
              + " name. (AUTHENTICATION_FAILED)");
      return;
    }
    if (request.sql().isBlank()) {
      fail(exchange, 62, "Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR)");
      return;
    }
    ChdbResult result;
    try {
      checkSettingsChangeNothing(request);
      result = session.run(request.sql(), request.format(), request.database(), request.params());
    } catch (ClickHouseException e) {
      fail(exchange, e.code(), engineMessage(e));
      return;
    }
    headers.set("X-ClickHouse-Format", request.format());
    headers.set("X-ClickHouse-Summary", summary(result));
    byte[] output = result.output();
    if (request.compress()) {
      output = CompressedBlocks.compress(output);
    } else if (request.httpCompression()) {
      output = gzip(output);
      headers.set("Content-Encoding", "gzip");
    }
    send(exchange, 200, contentType(request.format()), output);
  }

  /**
   * Under readonly=1 ClickHouse accepts a setting only at the value it has (changing nothing); a
   * URL setting is checked the same way here, against the session's own value, and refused with the
   * error ClickHouse gives (READONLY, or UNKNOWN_SETTING).
   */
  private void checkSettingsChangeNothing(SqlRequest request) {
    for (Map.Entry<String, String> setting : request.settings().entrySet()) {
      String current =
          text(
              session.run(
                  "SELECT value FROM system.settings WHERE name = {name:String}",
                  "TSVRaw",
                  request.database() == null ? defaultDatabase : request.database(),
                  Map.of("name", escape(setting.getKey()))));
      if (current.isEmpty()) {
        throw ClickHouseException.fromMessage(
            "SQL interface",
            "Code: 115. DB::Exception: Setting "
                + setting.getKey()
                + " is neither a builtin setting nor started with the prefix 'custom_' registered"
                + " for user-defined settings. (UNKNOWN_SETTING)");
      }
      if (!sameValue(current.strip(), setting.getValue())) {
        throw ClickHouseException.fromMessage(
            "SQL interface",
            "Code: 164. DB::Exception: Cannot modify '"
                + setting.getKey()
                + "' setting in readonly mode. (READONLY)");
      }
    }
  }

  static boolean sameValue(String current, String requested) {
    String a = normalize(current);
    String b = normalize(requested);
    if (a.equals(b)) {
      return true;
    }
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String normalize(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true" -> "1";
      case "false" -> "0";
      default -> v;
    };
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }

  /** ClickHouse's own text of the error, without the adapter's context in front. */
  private static String engineMessage(ClickHouseException e) {
    String message = e.getMessage();
    int code = message.indexOf("Code: ");
    return (code < 0 ? message : message.substring(code)).strip();
  }

  private static void fail(HttpExchange exchange, int code, String message) throws IOException {
    exchange.getResponseHeaders().set("X-ClickHouse-Exception-Code", Integer.toString(code));
    send(exchange, HttpStatuses.of(code), "text/plain; charset=UTF-8", message + "\n");
  }

  private static String summary(ChdbResult r) {
    return "{\"read_rows\":\""
        + r.rowsRead()
        + "\",\"read_bytes\":\""
        + r.bytesRead()
        + "\",\"written_rows\":\"0\",\"written_bytes\":\"0\",\"total_rows_to_read\":\""
        + r.rowsRead()
        + "\",\"result_rows\":\"0\",\"result_bytes\":\""
        + r.output().length
        + "\",\"elapsed_ns\":\""
        + Math.round(r.elapsedSeconds() * 1e9)
        + "\"}";
  }

  private static String contentType(String format) {
    String f = format.toLowerCase(Locale.ROOT);
    if (f.startsWith("json")) {
      return "application/json; charset=UTF-8";
    }
    if (f.startsWith("csv")) {
      return "text/csv; charset=UTF-8; header=" + (f.contains("names") ? "present" : "absent");
    }
    if (f.startsWith("tabseparated") || f.startsWith("tsv")) {
      return "text/tab-separated-values; charset=UTF-8";
    }
    if (f.startsWith("rowbinary")
        || f.equals("native")
        || f.startsWith("parquet")
        || f.startsWith("arrow")) {
      return "application/octet-stream";
    }
    return "text/plain; charset=UTF-8";
  }

  private static String readBody(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) > 0) {
      out.write(buffer, 0, n);
      if (out.size() > MAX_BODY_BYTES) {
        throw new IOException("request body over " + MAX_BODY_BYTES + " bytes");
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(data);
    }
    return out.toByteArray();
  }

  private static String text(ChdbResult r) {
    return new String(r.output(), StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
