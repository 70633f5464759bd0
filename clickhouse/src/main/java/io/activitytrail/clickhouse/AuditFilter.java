package io.activitytrail.clickhouse;

import java.time.Instant;
import java.util.Set;

/**
 * What the audit log shows: events of category {@code audit} in one workspace. An empty set or a
 * null value means no filter on that field; {@code from} is inclusive, {@code to} exclusive. {@code
 * outcome} is {@code "failure"} (the type ends with {@code _failed}), {@code "success"} (any other
 * type) or null.
 */
public record AuditFilter(
    String workspaceId,
    Set<String> types,
    Set<String> actors,
    String outcome,
    String ip,
    Instant from,
    Instant to) {

  public static final String SUCCESS = "success";
  public static final String FAILURE = "failure";

  public AuditFilter {
    QueryChecks.requireWorkspace(workspaceId);
    types = QueryChecks.copy(types);
    actors = QueryChecks.copy(actors);
    if (outcome != null && !SUCCESS.equals(outcome) && !FAILURE.equals(outcome)) {
      throw new IllegalArgumentException(
          "outcome must be \"success\", \"failure\" or absent, got: " + outcome);
    }
    QueryChecks.requireOrdered(from, to);
  }

  /** The whole audit log of a workspace. */
  public static AuditFilter all(String workspaceId) {
    return new AuditFilter(workspaceId, Set.of(), Set.of(), null, null, null, null);
  }
}
