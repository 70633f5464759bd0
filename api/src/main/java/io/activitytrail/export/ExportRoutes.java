package io.activitytrail.export;

import com.sun.net.httpserver.HttpExchange;
import io.activitytrail.api.ApiResponses;
import io.activitytrail.api.Caller;
import io.activitytrail.api.Routes;
import io.activitytrail.api.TokenVerifier;
import io.activitytrail.clickhouse.ActivityQueries;
import io.activitytrail.mapping.Taxonomy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The export endpoints (docs/exports.md), in the API's order of checks: route, token (401),
 * workspace (404), role (403), parameters (400).
 *
 * <ul>
 *   <li>{@code POST /v1/workspaces/{ws}/exports?kind=activities|audit-events&format=csv|jsonl&...}
 *       streams the file as the response body (chunked) and names the export in {@code
 *       Trail-Export-Id} and {@code Location};
 *   <li>{@code GET /v1/workspaces/{ws}/exports/{export_id}} returns its manifest once the body has
 *       ended.
 * </ul>
 *
 * The export is recorded before the body's last chunk is sent, so a client that read the whole body
 * finds the manifest. A failure after the headers cannot change the status: the export is then not
 * recorded and its manifest is never found, which is how a client tells.
 */
public final class ExportRoutes implements Routes {

  public static final String CREATE_TEMPLATE = "/v1/workspaces/{ws}/exports";
  public static final String MANIFEST_TEMPLATE = "/v1/workspaces/{ws}/exports/{export_id}";
  public static final String EXPORT_ID_HEADER = "Trail-Export-Id";

  private static final Logger LOG = LoggerFactory.getLogger(ExportRoutes.class);

  private final Exporter exporter;
  private final ExportLog log;
  private final TokenVerifier verifier;
  private final Taxonomy taxonomy;
  private final Clock clock;

  public ExportRoutes(
      ActivityQueries queries,
      ExportLog log,
      TokenVerifier verifier,
      Taxonomy taxonomy,
      Clock clock) {
    this.exporter = new Exporter(queries);
    this.log = log;
    this.verifier = verifier;
    this.taxonomy = taxonomy;
    this.clock = clock;
  }

  @Override
  public Optional<String> template(String rawPath) {
    return Path.match(rawPath).map(p -> p.exportId == null ? CREATE_TEMPLATE : MANIFEST_TEMPLATE);
  }

  @Override
  public int handle(HttpExchange exchange) throws IOException {
    Optional<Path> matched = Path.match(exchange.getRequestURI().getRawPath());
    if (matched.isEmpty()) {
      return ApiResponses.json(exchange, 404, ApiResponses.NOT_FOUND);
    }
    Path path = matched.get();
    String method = path.exportId == null ? "POST" : "GET";
    try {
      if (!method.equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", method);
        return ApiResponses.json(
            exchange, 405, Map.of("error", "only " + method + " is supported here"));
      }
      Caller caller = verifier.verify(exchange.getRequestHeaders().getFirst("Authorization"));
      if (!caller.workspaceId().equals(path.workspace)) {
        return ApiResponses.json(exchange, 404, ApiResponses.NOT_FOUND);
      }
      if (!caller.role().readsAudit()) {
        return ApiResponses.json(
            exchange, 403, Map.of("error", "exports are for admins and auditors"));
      }
      return path.exportId == null ? create(exchange, path, caller) : manifest(exchange, path);
    } catch (RuntimeException e) {
      return ApiResponses.failed(exchange, e, LOG, "export request");
    }
  }

  private int create(HttpExchange exchange, Path path, Caller caller) throws IOException {
    ExportParameters p = ExportParameters.parse(exchange.getRequestURI().getRawQuery());
    ExportQuery query =
        ExportFilters.parse(
            path.workspace, p.kind(), exchange.getRequestURI().getRawQuery(), taxonomy);
    String exportId = UUID.randomUUID().toString();
    Requester requester = new Requester(caller.userId(), caller.role());
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", p.format().contentType);
    headers.set(
        "Content-Disposition", "attachment; filename=\"" + p.kind().fileName(p.format()) + "\"");
    headers.set("Cache-Control", "no-store");
    headers.set(EXPORT_ID_HEADER, exportId);
    headers.set("Location", "/v1/workspaces/" + path.rawWorkspace + "/exports/" + exportId);
    exchange.sendResponseHeaders(200, 0);
    OutputStream body = exchange.getResponseBody();
    ExportResult result = exporter.export(query, p.format(), caller.role(), body);
    Manifest manifest =
        ExportManifests.of(exportId, query, p.format(), result, requester, clock.instant());
    log.record(manifest, ip(exchange), exchange.getRequestHeaders().getFirst("User-Agent"));
    body.close();
    return 200;
  }

  private int manifest(HttpExchange exchange, Path path) throws IOException {
    Optional<Manifest> manifest = log.find(path.workspace, path.exportId);
    if (manifest.isEmpty()) {
      return ApiResponses.json(exchange, 404, Map.of("error", "no such export"));
    }
    return ApiResponses.bytes(
        exchange,
        200,
        "application/json",
        ManifestJson.write(manifest.get()).getBytes(StandardCharsets.UTF_8));
  }

  private static String ip(HttpExchange exchange) {
    InetSocketAddress remote = exchange.getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? null
        : remote.getAddress().getHostAddress();
  }

  /** {@code /v1/workspaces/{ws}/exports[/{export_id}]}, the export id a UUID. */
  private record Path(String rawWorkspace, String workspace, String exportId) {
    static Optional<Path> match(String rawPath) {
      String[] p = rawPath.replaceAll("^/+|/+$", "").split("/", -1);
      if (p.length < 4
          || p.length > 5
          || !p[0].equals("v1")
          || !p[1].equals("workspaces")
          || p[2].isEmpty()
          || !p[3].equals("exports")) {
        return Optional.empty();
      }
      String ws = URLDecoder.decode(p[2].replace("+", "%2B"), StandardCharsets.UTF_8);
      if (p.length == 4) {
        return Optional.of(new Path(p[2], ws, null));
      }
      try {
        return Optional.of(new Path(p[2], ws, UUID.fromString(p[4]).toString()));
      } catch (IllegalArgumentException notAnId) {
        return Optional.empty();
      }
    }
  }
}
