package io.activitytrail.clickhouse;

import io.activitytrail.event.ActivityEvent;
import java.util.List;

/** One page of events and the cursor of the next page, null when there is none. */
public record Page(List<ActivityEvent> items, String nextCursor) {

  public Page {
    items = List.copyOf(items);
  }
}
