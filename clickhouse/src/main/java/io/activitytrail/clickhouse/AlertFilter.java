package io.activitytrail.clickhouse;

import java.time.Instant;
import java.util.Set;

/**
 * Which fired alerts to list: {@code alert_fired} audit events of one workspace, of the given rules
 * (their ids: {@code builtin:<name>} or a workspace rule's row id) and severities, fired within
 * {@code [from, to)}. Empty sets and null bounds do not filter.
 */
public record AlertFilter(
    String workspaceId, Set<String> rules, Set<String> severities, Instant from, Instant to) {

  /** The type of an alert's audit event (the mapping's taxonomy adds it to every workspace's). */
  public static final String ALERT_FIRED = "alert_fired";

  public AlertFilter {
    QueryChecks.requireWorkspace(workspaceId);
    rules = rules == null ? Set.of() : Set.copyOf(rules);
    severities = severities == null ? Set.of() : Set.copyOf(severities);
  }
}
