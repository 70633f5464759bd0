package io.activitytrail.clickhouse;

import io.activitytrail.event.ActivityEvent;
import java.util.List;

/** One page of events and the cursor of the next page, null when there is none. */
public record Page(List<ActivityEvent> items, String nextCursor) {

  /** The most items one page may hold (the API's and the command line's limit). */
  public static final int MAX_LIMIT = 500;

  /** Items per page when the caller names no limit. */
  public static final int DEFAULT_LIMIT = 50;

  public Page {
    items = List.copyOf(items);
  }
}
