package io.activitytrail.ingest.simulate;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * @param operations operations performed (seeding is not counted)
 * @param byKind operations per kind, keyed by {@link OperationKind#wireName()}
 */
public record SimulationReport(int operations, Map<String, Integer> byKind, Duration elapsed) {
  public SimulationReport {
    byKind = Collections.unmodifiableMap(new TreeMap<>(byKind));
  }

  public int count(OperationKind kind) {
    return byKind.getOrDefault(kind.wireName(), 0);
  }
}
