package io.activitytrail.api;

import io.activitytrail.event.ActivityEvent;
import java.util.List;

/** Where the API reads activities from (ClickHouse through ActivityQueries in the engine). */
public interface ActivitySource {

  /** A workspace's newest activities, newest first. */
  List<ActivityEvent> feed(String workspace, int limit);

  /** One record's history, oldest first. */
  List<ActivityEvent> timeline(String workspace, String recordType, String recordId, int limit);
}
