package io.activitytrail.api.notifications;

import com.sun.net.httpserver.HttpExchange;
import io.activitytrail.api.ApiResponses;
import io.activitytrail.api.BadParameter;
import io.activitytrail.api.Caller;
import io.activitytrail.api.QueryString;
import io.activitytrail.api.Routes;
import io.activitytrail.api.TokenVerifier;
import io.activitytrail.api.Unauthorized;
import io.activitytrail.api.notifications.NotificationPath.Endpoint;
import io.activitytrail.clickhouse.NotificationPage;
import io.activitytrail.clickhouse.NotificationQueries;
import io.activitytrail.clickhouse.Recipient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller's own in-app notifications (docs/notifications.md), in the API's order of checks:
 * route (404), method (405), token (401), workspace (404), parameters and body (400). There is no
 * role check: every role has notifications, and the recipient is always the token's {@code sub}, so
 * no request can name another user's.
 *
 * <ul>
 *   <li>{@code GET /v1/workspaces/{ws}/notifications?unread=true&limit=&cursor=}: newest first;
 *   <li>{@code GET /v1/workspaces/{ws}/notifications/unread-count}: {@code {"unread": N, "capped":
 *       false}}, N at most 1,000;
 *   <li>{@code POST /v1/workspaces/{ws}/notifications/read} with {@code {"ids": [...]}} or {@code
 *       {"all": true}}: 204, read markers written under the caller.
 * </ul>
 */
public final class NotificationRoutes implements Routes {

  public static final String LIST_TEMPLATE = "/v1/workspaces/{ws}/notifications";
  public static final String UNREAD_COUNT_TEMPLATE = LIST_TEMPLATE + "/unread-count";
  public static final String MARK_READ_TEMPLATE = LIST_TEMPLATE + "/read";

  /** 500 ids of 100 characters fit; anything larger is not a read request. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(NotificationRoutes.class);

  private final NotificationQueries queries;
  private final TokenVerifier verifier;
  private final Clock clock;

  /**
   * @param clock dates read markers: a "mark all" covers what was created up to its instant
   */
  public NotificationRoutes(NotificationQueries queries, TokenVerifier verifier, Clock clock) {
    this.queries = queries;
    this.verifier = verifier;
    this.clock = clock;
  }

  @Override
  public Optional<String> template(String rawPath) {
    return NotificationPath.match(rawPath).map(p -> p.endpoint().template);
  }

  @Override
  public int handle(HttpExchange exchange) throws IOException {
    Optional<NotificationPath> matched =
        NotificationPath.match(exchange.getRequestURI().getRawPath());
    if (matched.isEmpty()) {
      return ApiResponses.json(exchange, 404, ApiResponses.NOT_FOUND);
    }
    NotificationPath path = matched.get();
    Endpoint endpoint = path.endpoint();
    try {
      if (!endpoint.method.equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", endpoint.method);
        return ApiResponses.json(
            exchange, 405, Map.of("error", "only " + endpoint.method + " is supported here"));
      }
      Caller caller = verifier.verify(exchange.getRequestHeaders().getFirst("Authorization"));
      if (caller.userId() == null || caller.userId().isBlank()) {
        throw new Unauthorized("the token's sub must name the user", true);
      }
      if (!caller.workspaceId().equals(path.workspace())) {
        return ApiResponses.json(exchange, 404, ApiResponses.NOT_FOUND);
      }
      Recipient me = new Recipient(path.workspace(), caller.userId(), caller.role().readsAudit());
      QueryString query = QueryString.parse(exchange.getRequestURI().getRawQuery());
      return switch (endpoint) {
        case LIST -> {
          NotificationRequest.Listing r = NotificationRequest.listing(query);
          NotificationPage page = queries.page(me, r.unreadOnly(), r.limit(), r.cursor());
          yield ApiResponses.json(exchange, 200, NotificationJson.page(page, caller.role()));
        }
        case UNREAD_COUNT -> {
          NotificationRequest.noParameters(query);
          yield ApiResponses.json(exchange, 200, NotificationJson.count(queries.unreadCount(me)));
        }
        case MARK_READ -> markRead(exchange, query, me);
      };
    } catch (RuntimeException e) {
      return ApiResponses.failed(exchange, e, LOG, "notification request");
    }
  }

  private int markRead(HttpExchange exchange, QueryString query, Recipient me) throws IOException {
    NotificationRequest.noParameters(query);
    NotificationRequest.MarkRead request = NotificationRequest.markRead(body(exchange));
    if (request.all()) {
      queries.markAllRead(me, clock.instant());
    } else {
      queries.markRead(me, request.ids(), clock.instant());
    }
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(204, -1);
    return 204;
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw new BadParameter("body", "the body is larger than " + MAX_BODY_BYTES + " bytes");
      }
      return body;
    }
  }
}
