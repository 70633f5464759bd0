package io.activitytrail.clickhouse;

import java.time.Instant;
import java.util.Set;

/**
 * What the workspace feed shows: events of category {@code activity} in one workspace. An empty set
 * or a null bound means no filter on that field; {@code from} is inclusive, {@code to} exclusive.
 */
public record FeedFilter(
    String workspaceId,
    Set<String> actors,
    Set<String> types,
    Set<String> recordTypes,
    Instant from,
    Instant to) {

  public FeedFilter {
    QueryChecks.requireWorkspace(workspaceId);
    actors = QueryChecks.copy(actors);
    types = QueryChecks.copy(types);
    recordTypes = QueryChecks.copy(recordTypes);
    QueryChecks.requireOrdered(from, to);
  }

  /** The whole feed of a workspace. */
  public static FeedFilter all(String workspaceId) {
    return new FeedFilter(workspaceId, Set.of(), Set.of(), Set.of(), null, null);
  }
}
