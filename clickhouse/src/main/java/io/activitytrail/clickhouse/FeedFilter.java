package io.activitytrail.clickhouse;

import io.activitytrail.schemas.filter.EventFilter;
import java.time.Instant;
import java.util.Set;

/**
 * What the workspace feed shows: events of category {@code activity} in one workspace that {@code
 * events} matches (the one filter definition, {@link EventFilter}; see its rules).
 */
public record FeedFilter(String workspaceId, EventFilter events) {

  public FeedFilter {
    QueryChecks.requireWorkspace(workspaceId);
    events = events == null ? EventFilter.ALL : events;
  }

  /** The feed's own parameters; null or empty means no filter on that field. */
  public FeedFilter(
      String workspaceId,
      Set<String> actors,
      Set<String> types,
      Set<String> recordTypes,
      Instant from,
      Instant to) {
    this(
        workspaceId,
        new EventFilter(types, actors, recordTypes, null, null, from, to, null, null, null));
  }

  /** The whole feed of a workspace. */
  public static FeedFilter all(String workspaceId) {
    return new FeedFilter(workspaceId, EventFilter.ALL);
  }

  public Set<String> actors() {
    return events.actors();
  }

  public Set<String> types() {
    return events.types();
  }

  public Set<String> recordTypes() {
    return events.recordTypes();
  }

  public Instant from() {
    return events.from();
  }

  public Instant to() {
    return events.to();
  }
}
