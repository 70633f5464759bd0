package io.activitytrail.clickhouse;

import java.time.Instant;
import java.util.Set;

/** Argument checks shared by the query filters. */
final class QueryChecks {

  /** Upper bound of one API page. */
  static final int MAX_PAGE = Page.MAX_LIMIT;

  private QueryChecks() {}

  static void requireWorkspace(String workspaceId) {
    if (workspaceId == null || workspaceId.isBlank()) {
      throw new IllegalArgumentException("workspaceId is required");
    }
  }

  static Set<String> copy(Set<String> values) {
    if (values == null) {
      return Set.of();
    }
    for (String value : values) {
      if (value == null) {
        throw new IllegalArgumentException("filter values must not be null");
      }
    }
    return Set.copyOf(values);
  }

  static void requireOrdered(Instant from, Instant to) {
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
    }
  }

  static int pageLimit(int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_PAGE + ", got " + limit);
    }
    return limit;
  }
}
