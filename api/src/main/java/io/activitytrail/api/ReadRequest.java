package io.activitytrail.api;

import io.activitytrail.clickhouse.AuditFilter;
import io.activitytrail.clickhouse.FeedFilter;
import io.activitytrail.clickhouse.Page;
import io.activitytrail.mapping.Taxonomy;
import io.activitytrail.schemas.filter.EventFilter;
import io.activitytrail.schemas.filter.EventFilterJson;
import io.activitytrail.schemas.filter.InvalidFilterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated parameters of the three reads, parsed by pure functions: every value a caller sends
 * becomes a typed filter (later bound as ClickHouse parameters) or a 400 naming it.
 */
public sealed interface ReadRequest {

  int DEFAULT_LIMIT = Page.DEFAULT_LIMIT;
  int MAX_LIMIT = Page.MAX_LIMIT;

  Set<String> FEED_PARAMETERS =
      Set.of(
          "actor", "type", "record_type", "from", "to", "field", "old", "new", "limit", "cursor");
  Set<String> AUDIT_PARAMETERS =
      Set.of(
          "type", "actor", "outcome", "ip", "from", "to", "field", "old", "new", "limit", "cursor");

  /** Filter parameters the API takes once (the JSON form may list several outcomes or ips). */
  Set<String> SINGLE_VALUED = Set.of("outcome", "ip", "from", "to");

  Set<String> TIMELINE_PARAMETERS = Set.of("order", "limit", "cursor");

  int limit();

  String cursor();

  record Feed(FeedFilter filter, int limit, String cursor) implements ReadRequest {}

  record Audit(AuditFilter filter, int limit, String cursor) implements ReadRequest {}

  record Timeline(
      String workspace,
      String recordType,
      String recordId,
      boolean newestFirst,
      int limit,
      String cursor)
      implements ReadRequest {}

  static Feed feed(String workspace, QueryString q, Taxonomy taxonomy) {
    q.allowOnly(FEED_PARAMETERS);
    return new Feed(
        new FeedFilter(workspace, filter(q, FEED_PARAMETERS, taxonomy)),
        limit(q),
        q.single("cursor"));
  }

  static Audit audit(String workspace, QueryString q, Taxonomy taxonomy) {
    q.allowOnly(AUDIT_PARAMETERS);
    return new Audit(
        new AuditFilter(workspace, filter(q, AUDIT_PARAMETERS, taxonomy)),
        limit(q),
        q.single("cursor"));
  }

  static Timeline timeline(
      String workspace, String recordType, String recordId, QueryString q, Taxonomy taxonomy) {
    q.allowOnly(TIMELINE_PARAMETERS);
    known(Set.of(recordType), "record_type", taxonomy.recordTypes());
    String order = q.single("order");
    if (order != null && !order.equals("asc") && !order.equals("desc")) {
      throw new BadParameter("order", "order must be asc or desc, got '" + order + "'");
    }
    return new Timeline(
        workspace, recordType, recordId, "desc".equals(order), limit(q), q.single("cursor"));
  }

  /** The {@code limit} parameter: 1..500, default 50 (every paged route's rule). */
  static int limit(QueryString q) {
    String value = q.single("limit");
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    throw new BadParameter(
        "limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + value + "'");
  }

  /**
   * The route's filter parameters as the one filter definition ({@link EventFilter}, the same a
   * rule's JSON builds); types and record types must be known to the taxonomy, since a typo would
   * silently match nothing.
   */
  private static EventFilter filter(QueryString q, Set<String> allowed, Taxonomy taxonomy) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (String key : EventFilter.KEYS) {
      if (allowed.contains(key)) {
        Set<String> values = SINGLE_VALUED.contains(key) ? nullable(q.single(key)) : q.all(key);
        if (!values.isEmpty()) {
          parameters.put(key, List.copyOf(values));
        }
      }
    }
    known(Set.copyOf(parameters.getOrDefault("type", List.of())), "type", taxonomy.types());
    known(
        Set.copyOf(parameters.getOrDefault("record_type", List.of())),
        "record_type",
        taxonomy.recordTypes());
    try {
      return EventFilterJson.fromParameters(parameters);
    } catch (InvalidFilterException e) {
      throw new BadParameter(e.key(), e.getMessage());
    }
  }

  private static Set<String> nullable(String value) {
    return value == null ? Set.of() : Set.of(value);
  }

  private static Set<String> known(Set<String> values, String name, Set<String> allowed) {
    for (String value : values) {
      if (!allowed.contains(value)) {
        throw new BadParameter(
            name,
            "unknown " + name + " '" + value + "'; known: " + allowed.stream().sorted().toList());
      }
    }
    return values;
  }
}
