package io.activitytrail.api.alerts;

import com.sun.net.httpserver.HttpExchange;
import io.activitytrail.api.ActivityJson;
import io.activitytrail.api.ApiResponses;
import io.activitytrail.api.BadParameter;
import io.activitytrail.api.Caller;
import io.activitytrail.api.QueryString;
import io.activitytrail.api.ReadRequest;
import io.activitytrail.api.Routes;
import io.activitytrail.api.TokenVerifier;
import io.activitytrail.clickhouse.ActivityQueries;
import io.activitytrail.clickhouse.AlertFilter;
import io.activitytrail.clickhouse.Page;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.schemas.filter.EventFilterJson;
import io.activitytrail.schemas.filter.InvalidFilterException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/workspaces/{ws}/alerts?rule=&severity=&from=&to=&limit=&cursor=}: the alerts fired
 * in a workspace, newest first, each with its first matching events (docs/alerts.md). Admins and
 * auditors only, as the audit log the alerts are part of; checks in the API's order: route (404),
 * method (405), token (401), workspace (404), role (403), parameters (400).
 */
public final class AlertRoutes implements Routes {

  public static final String TEMPLATE = "/v1/workspaces/{ws}/alerts";

  /** Matching events shown with each alert; all their ids are in its details. */
  static final int EVENTS_PER_ALERT = 20;

  static final Set<String> PARAMETERS = Set.of("rule", "severity", "from", "to", "limit", "cursor");
  static final Set<String> SEVERITIES = Set.of("low", "medium", "high", "critical");

  private static final Pattern PATH = Pattern.compile("^/v1/workspaces/([^/]+)/alerts$");
  private static final Logger LOG = LoggerFactory.getLogger(AlertRoutes.class);

  private final ActivityQueries queries;
  private final TokenVerifier verifier;

  public AlertRoutes(ActivityQueries queries, TokenVerifier verifier) {
    this.queries = queries;
    this.verifier = verifier;
  }

  @Override
  public Optional<String> template(String rawPath) {
    return PATH.matcher(rawPath).matches() ? Optional.of(TEMPLATE) : Optional.empty();
  }

  @Override
  public int handle(HttpExchange exchange) throws IOException {
    Matcher path = PATH.matcher(exchange.getRequestURI().getRawPath());
    if (!path.matches()) {
      return ApiResponses.json(exchange, 404, ApiResponses.NOT_FOUND);
    }
    String workspace = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
    try {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        return ApiResponses.json(exchange, 405, Map.of("error", "only GET is supported here"));
      }
      Caller caller = verifier.verify(exchange.getRequestHeaders().getFirst("Authorization"));
      if (!caller.workspaceId().equals(workspace)) {
        return ApiResponses.json(exchange, 404, ApiResponses.NOT_FOUND);
      }
      if (!caller.role().readsAudit()) {
        return ApiResponses.json(
            exchange, 403, Map.of("error", "alerts are for admins and auditors"));
      }
      QueryString query = QueryString.parse(exchange.getRequestURI().getRawQuery());
      query.allowOnly(PARAMETERS);
      Set<String> severities = query.all("severity");
      for (String severity : severities) {
        if (!SEVERITIES.contains(severity)) {
          throw new BadParameter(
              "severity",
              "unknown severity '" + severity + "'; known: low, medium, high, critical");
        }
      }
      AlertFilter filter =
          new AlertFilter(
              workspace,
              query.all("rule"),
              severities,
              instant("from", query.single("from")),
              instant("to", query.single("to")));
      Page page = queries.alerts(filter, ReadRequest.limit(query), query.single("cursor"));
      return ApiResponses.json(exchange, 200, json(workspace, page, caller));
    } catch (RuntimeException e) {
      return ApiResponses.failed(exchange, e, LOG, "alert request");
    }
  }

  private Map<String, Object> json(String workspace, Page page, Caller caller) {
    List<String> wanted = new ArrayList<>();
    for (ActivityEvent alert : page.items()) {
      wanted.addAll(matchingIds(alert));
    }
    Map<String, ActivityEvent> found = new HashMap<>();
    for (int i = 0; i < wanted.size(); i += Page.MAX_LIMIT) {
      List<String> chunk = wanted.subList(i, Math.min(wanted.size(), i + Page.MAX_LIMIT));
      queries.events(workspace, chunk).forEach(e -> found.put(e.getEventId(), e));
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (ActivityEvent alert : page.items()) {
      Map<String, Object> item = new LinkedHashMap<>(ActivityJson.item(alert, caller.role()));
      item.put(
          "matching_events",
          matchingIds(alert).stream()
              .map(found::get)
              .filter(e -> e != null)
              .map(e -> ActivityJson.item(e, caller.role()))
              .toList());
      items.add(item);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("items", items);
    json.put("next_cursor", page.nextCursor());
    return json;
  }

  private static List<String> matchingIds(ActivityEvent alert) {
    String ids = alert.getDetails().getOrDefault("event_ids", "");
    return ids.isEmpty()
        ? List.of()
        : Arrays.stream(ids.split(",")).limit(EVENTS_PER_ALERT).toList();
  }

  private static Instant instant(String key, String value) {
    if (value == null) {
      return null;
    }
    try {
      return EventFilterJson.instant(key, value);
    } catch (InvalidFilterException e) {
      throw new BadParameter(key, e.getMessage());
    }
  }
}
