package io.activitytrail.bench.queries;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values the compliance questions are asked with: the largest workspace, periods that end where
 * the synthetic data ends, and the field whose history is read.
 */
record CompliancePeriods(Instant to) {

  static final String FIELD = "status";

  /** Each parameter a {@link ComplianceQuery} may name, by name. */
  Map<String, Object> values() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("workspace", BenchTargets.WORKSPACE);
    values.put("year_from", to.minus(Duration.ofDays(365)));
    values.put("quarter_from", to.minus(SyntheticActivities.SPAN));
    values.put("month_from", to.minus(Duration.ofDays(30)));
    values.put("to", to);
    values.put("field", FIELD);
    return values;
  }
}
