package io.activitytrail.export;

import io.activitytrail.api.ActivityJson;
import io.activitytrail.api.BadParameter;
import io.activitytrail.api.QueryString;
import io.activitytrail.api.ReadRequest;
import io.activitytrail.mapping.Taxonomy;
import io.activitytrail.schemas.filter.EventFilterJson;
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

  /** The filter under the API's parameter names (its JSON form's keys); absent ones left out. */
  public static Map<String, List<String>> parameters(ExportQuery query) {
    Map<String, List<String>> out =
        new LinkedHashMap<>(EventFilterJson.toParameters(query.events()));
    // Times as the API writes them everywhere else (millisecond precision).
    out.computeIfPresent("from", (k, v) -> List.of(time(query.from())));
    out.computeIfPresent("to", (k, v) -> List.of(time(query.to())));
    return out;
  }

  static String time(Instant instant) {
    return instant == null ? null : ActivityJson.timestamp(instant);
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
