package io.activitytrail.alerts;

import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;

/**
 * One event a rule counted: its commit time, id, the value of the rule's {@code distinct} key (null
 * without one), and its one-line summary for the alert's email ({@link EventSummary}).
 */
public record Hit(Instant at, String eventId, String distinctValue, String summary)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Event time, then id: the same order whatever order the events arrived in. */
  public static final Comparator<Hit> ORDER =
      Comparator.comparing(Hit::at).thenComparing(Hit::eventId);
}
