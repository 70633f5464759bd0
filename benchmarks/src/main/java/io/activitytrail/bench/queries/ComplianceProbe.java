package io.activitytrail.bench.queries;

import io.activitytrail.clickhouse.QueryParameters;
import io.activitytrail.clickhouse.embedded.ChdbResult;
import io.activitytrail.clickhouse.embedded.EmbeddedSession;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asks the embedded store a {@link ComplianceQuery} as the SQL interface does (a read-only session
 * with its limits, the views), without the HTTP hop: the answer is the TabSeparated text a client
 * would receive, and its rows are counted.
 */
final class ComplianceProbe {

  private final EmbeddedSession session;
  private final String database;
  private final Map<String, Object> values;

  ComplianceProbe(EmbeddedSession session, String database, CompliancePeriods periods) {
    this.session = session;
    this.database = database;
    this.values = periods.values();
  }

  int ask(ComplianceQuery query) {
    Map<String, Object> used = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          if (query.clickhouseSql.contains("{" + name + ":")) {
            used.put(name, value);
          }
        });
    ChdbResult result =
        session.run(query.clickhouseSql, "TabSeparated", database, QueryParameters.toText(used));
    int rows = 0;
    for (byte b : result.output()) {
      if (b == '\n') {
        rows++;
      }
    }
    return rows;
  }

  /** A PostgreSQL {@code timestamptz} parameter's text. */
  static String postgresText(Object value) {
    return value instanceof Instant instant ? instant.toString() : value.toString();
  }
}
