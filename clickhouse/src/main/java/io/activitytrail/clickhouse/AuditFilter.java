package io.activitytrail.clickhouse;

import io.activitytrail.schemas.filter.EventFilter;
import java.time.Instant;
import java.util.Set;

/**
 * What the audit log shows: events of category {@code audit} in one workspace that {@code events}
 * matches (the one filter definition, {@link EventFilter}; see its rules, {@code outcome} among
 * them).
 */
public record AuditFilter(String workspaceId, EventFilter events) {

  public static final String SUCCESS = EventFilter.SUCCESS;
  public static final String FAILURE = EventFilter.FAILURE;

  public AuditFilter {
    QueryChecks.requireWorkspace(workspaceId);
    events = events == null ? EventFilter.ALL : events;
  }

  /** The audit log's own parameters; null or empty means no filter on that field. */
  public AuditFilter(
      String workspaceId,
      Set<String> types,
      Set<String> actors,
      String outcome,
      String ip,
      Instant from,
      Instant to) {
    this(
        workspaceId,
        new EventFilter(
            types,
            actors,
            null,
            outcome == null ? null : Set.of(outcome),
            ip == null ? null : Set.of(ip),
            from,
            to,
            null,
            null,
            null));
  }

  /** The whole audit log of a workspace. */
  public static AuditFilter all(String workspaceId) {
    return new AuditFilter(workspaceId, EventFilter.ALL);
  }

  public Set<String> types() {
    return events.types();
  }

  public Set<String> actors() {
    return events.actors();
  }

  public Instant from() {
    return events.from();
  }

  public Instant to() {
    return events.to();
  }
}
