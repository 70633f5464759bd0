package io.activitytrail.api;

import io.activitytrail.clickhouse.AuditFilter;
import io.activitytrail.clickhouse.FeedFilter;
import io.activitytrail.clickhouse.Page;
import io.activitytrail.mapping.Taxonomy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The validated parameters of the three reads, parsed by pure functions: every value a caller sends
 * becomes a typed filter (later bound as ClickHouse parameters) or a 400 naming it.
 */
public sealed interface ReadRequest {

  int DEFAULT_LIMIT = Page.DEFAULT_LIMIT;
  int MAX_LIMIT = Page.MAX_LIMIT;

  Set<String> FEED_PARAMETERS =
      Set.of("actor", "type", "record_type", "from", "to", "limit", "cursor");
  Set<String> AUDIT_PARAMETERS =
      Set.of("type", "actor", "outcome", "ip", "from", "to", "limit", "cursor");
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
    Instant from = instant(q, "from");
    Instant to = instant(q, "to");
    ordered(from, to);
    return new Feed(
        new FeedFilter(
            workspace,
            q.all("actor"),
            known(q.all("type"), "type", taxonomy.types()),
            known(q.all("record_type"), "record_type", taxonomy.recordTypes()),
            from,
            to),
        limit(q),
        q.single("cursor"));
  }

  static Audit audit(String workspace, QueryString q, Taxonomy taxonomy) {
    q.allowOnly(AUDIT_PARAMETERS);
    Instant from = instant(q, "from");
    Instant to = instant(q, "to");
    ordered(from, to);
    String outcome = q.single("outcome");
    if (outcome != null
        && !outcome.equals(AuditFilter.SUCCESS)
        && !outcome.equals(AuditFilter.FAILURE)) {
      throw new BadParameter(
          "outcome", "outcome must be success or failure, got '" + outcome + "'");
    }
    return new Audit(
        new AuditFilter(
            workspace,
            known(q.all("type"), "type", taxonomy.types()),
            q.all("actor"),
            outcome,
            q.single("ip"),
            from,
            to),
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

  /** ISO-8601 instant with an offset, or a date meaning its start in UTC. */
  private static Instant instant(QueryString q, String name) {
    String value = q.single(name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        throw new BadParameter(
            name,
            name
                + " must be an ISO-8601 time with offset (2025-03-04T10:15:30Z) or a date"
                + " (2025-03-04), got '"
                + value
                + "'");
      }
    }
  }

  private static void ordered(Instant from, Instant to) {
    if (from != null && to != null && from.isAfter(to)) {
      throw new BadParameter("from", "from (" + from + ") is after to (" + to + ")");
    }
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
