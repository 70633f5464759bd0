package io.activitytrail.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.activitytrail.clickhouse.ActivityQueries;
import io.activitytrail.clickhouse.Page;
import io.activitytrail.mapping.Taxonomy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API (docs/api.md): the feed, record timelines and the audit log behind bearer tokens,
 * plus /health, /metrics and the OpenAPI document. Checks run in this order, so an answer never
 * says more than the caller may know: route (404), token (401), workspace (404, the same body
 * whether or not the other workspace exists), role (403), parameters (400).
 */
public final class ApiServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final ActivityQueries queries;
  private final TokenVerifier verifier;
  private final Supplier<Health> health;
  private final Taxonomy taxonomy;
  private final List<Routes> routes;
  private final ApiMetrics metrics = new ApiMetrics();
  private final OpenApiDocument openApi;

  private ApiServer(
      HttpServer server,
      ExecutorService executor,
      ActivityQueries queries,
      TokenVerifier verifier,
      Taxonomy taxonomy,
      Supplier<Health> health,
      List<Routes> routes) {
    this.server = server;
    this.executor = executor;
    this.queries = queries;
    this.verifier = verifier;
    this.taxonomy = taxonomy;
    this.health = health;
    this.routes = List.copyOf(routes);
    this.openApi = OpenApiDocument.load(taxonomy);
  }

  /**
   * The reads plus {@code routes} (exports and others; see {@link
   * io.activitytrail.api.server.TrailApi} for the deployed set).
   *
   * @param address port 0 picks a free port (tests); the engine binds loopback, `trail api` any
   * @param taxonomy the types and record types filters may name (the loaded mapping's)
   */
  public static ApiServer start(
      InetSocketAddress address,
      ActivityQueries queries,
      TokenVerifier verifier,
      Taxonomy taxonomy,
      Supplier<Health> health,
      List<Routes> routes)
      throws IOException {
    // The JDK server writes headers and body as two segments; with Nagle on, the body waits for
    // the client's delayed ACK (~40 ms on every response). Read once, when the first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer http = HttpServer.create(address, 0);
    // Reads are serialized on chDB's one connection anyway; a few threads keep a slow request from
    // blocking /health and /metrics.
    ExecutorService executor = Executors.newFixedThreadPool(4);
    ApiServer api = new ApiServer(http, executor, queries, verifier, taxonomy, health, routes);
    http.createContext("/", api::handle);
    http.setExecutor(executor);
    http.start();
    return api;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) {
    long started = System.nanoTime();
    String path = exchange.getRequestURI().getRawPath();
    Optional<Route> route = Route.match(path);
    Optional<Routes> other =
        route.isPresent()
            ? Optional.empty()
            : routes.stream().filter(r -> r.template(path).isPresent()).findFirst();
    String label =
        route
            .map(r -> r.kind().template)
            .or(() -> other.flatMap(r -> r.template(path)))
            .orElse("unmatched");
    int status;
    try (exchange) {
      status = answer(exchange, route, other);
    } catch (IOException e) {
      LOG.debug("client went away during {}", exchange.getRequestURI(), e);
      status = 499;
    }
    metrics.observe(label, exchange.getRequestMethod(), status, System.nanoTime() - started);
  }

  private int answer(HttpExchange exchange, Optional<Route> route, Optional<Routes> other)
      throws IOException {
    try {
      if (other.isPresent()) {
        return other.get().handle(exchange);
      }
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        return ApiResponses.json(exchange, 405, Map.of("error", "only GET is supported"));
      }
      if (route.isEmpty()) {
        return ApiResponses.json(exchange, 404, ApiResponses.NOT_FOUND);
      }
      Route r = route.get();
      return switch (r.kind()) {
        case HEALTH -> {
          Health h = health.get();
          yield ApiResponses.json(exchange, h.ok() ? 200 : 503, h.body());
        }
        case METRICS -> metrics(exchange);
        case OPENAPI_JSON -> ApiResponses.bytes(exchange, 200, "application/json", openApi.json());
        case OPENAPI_YAML -> ApiResponses.bytes(exchange, 200, "application/yaml", openApi.yaml());
        case FEED, TIMELINE, AUDIT -> read(exchange, r);
      };
    } catch (RuntimeException e) {
      return ApiResponses.failed(exchange, e, LOG, "request");
    }
  }

  private int read(HttpExchange exchange, Route route) throws IOException {
    Caller caller = verifier.verify(exchange.getRequestHeaders().getFirst("Authorization"));
    if (!caller.workspaceId().equals(route.workspace())) {
      return ApiResponses.json(exchange, 404, ApiResponses.NOT_FOUND);
    }
    if (route.kind() == Route.Kind.AUDIT && !caller.role().readsAudit()) {
      return ApiResponses.json(
          exchange, 403, Map.of("error", "the audit log is for admins and auditors"));
    }
    QueryString query = QueryString.parse(exchange.getRequestURI().getRawQuery());
    Page page =
        switch (route.kind()) {
          case FEED -> {
            ReadRequest.Feed f = ReadRequest.feed(route.workspace(), query, taxonomy);
            yield queries.feed(f.filter(), f.limit(), f.cursor());
          }
          case AUDIT -> {
            ReadRequest.Audit a = ReadRequest.audit(route.workspace(), query, taxonomy);
            yield queries.audit(a.filter(), a.limit(), a.cursor());
          }
          default -> {
            ReadRequest.Timeline t =
                ReadRequest.timeline(
                    route.workspace(), route.recordType(), route.recordId(), query, taxonomy);
            yield queries.timeline(
                t.workspace(),
                t.recordType(),
                t.recordId(),
                t.newestFirst(),
                t.limit(),
                t.cursor());
          }
        };
    return ApiResponses.json(exchange, 200, ActivityJson.page(page, caller.role()));
  }

  private int metrics(HttpExchange exchange) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    metrics.write(out);
    return ApiResponses.bytes(exchange, 200, metrics.contentType(), out.toByteArray());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
