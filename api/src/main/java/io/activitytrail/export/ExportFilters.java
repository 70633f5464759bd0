package io.activitytrail.export;

import io.activitytrail.api.ActivityJson;
import io.activitytrail.api.BadParameter;
import io.activitytrail.api.QueryString;
import io.activitytrail.api.ReadRequest;
import io.activitytrail.clickhouse.AuditFilter;
import io.activitytrail.clickhouse.FeedFilter;
import io.activitytrail.mapping.Taxonomy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An export's filter, in and out: parsed from the same query parameters as the feed and the audit
 * log (the API's own validation, so both refuse the same values), and written back under those
 * names into the manifest and the audit event. Pure.
 */
public final class ExportFilters {

  /** Parameters of the export endpoint itself; the rest are the read's filters. */
  public static final Set<String> OWN_PARAMETERS = Set.of("kind", "format");

  private static final Set<String> PAGING = Set.of("limit", "cursor");

  private ExportFilters() {}

  /** The filters of a raw query string, minus {@link #OWN_PARAMETERS}, as a typed query. */
  public static ExportQuery parse(
      String workspace, ExportKind kind, String rawQuery, Taxonomy taxonomy) {
    QueryString filters = QueryString.parse(withoutOwnParameters(rawQuery));
    for (String paging : PAGING) {
      // An export holds every matching row: a page size or position would silently cut it.
      if (filters.single(paging) != null) {
        throw new BadParameter(paging, paging + " does not apply to an export");
      }
    }
    return switch (kind) {
      case activities ->
          new ExportQuery.Activities(ReadRequest.feed(workspace, filters, taxonomy).filter());
      case audit_events ->
          new ExportQuery.AuditEvents(ReadRequest.audit(workspace, filters, taxonomy).filter());
    };
  }

  /** The filter under the API's parameter names; absent filters are left out. */
  public static Map<String, List<String>> parameters(ExportQuery query) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (query instanceof ExportQuery.Activities a) {
      FeedFilter f = a.filter();
      put(out, "actor", f.actors());
      put(out, "type", f.types());
      put(out, "record_type", f.recordTypes());
    } else if (query instanceof ExportQuery.AuditEvents a) {
      AuditFilter f = a.filter();
      put(out, "type", f.types());
      put(out, "actor", f.actors());
      put(out, "outcome", f.outcome());
      put(out, "ip", f.ip());
    }
    put(out, "from", time(query.from()));
    put(out, "to", time(query.to()));
    return out;
  }

  static String time(Instant instant) {
    return instant == null ? null : ActivityJson.timestamp(instant);
  }

  private static void put(Map<String, List<String>> out, String name, Set<String> values) {
    if (!values.isEmpty()) {
      out.put(name, values.stream().sorted().toList());
    }
  }

  private static void put(Map<String, List<String>> out, String name, String value) {
    if (value != null) {
      out.put(name, List.of(value));
    }
  }

  private static String withoutOwnParameters(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return rawQuery;
    }
    StringBuilder kept = new StringBuilder();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (!OWN_PARAMETERS.contains(name)) {
        kept.append(kept.isEmpty() ? "" : "&").append(pair);
      }
    }
    return kept.toString();
  }
}
