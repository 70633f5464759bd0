package io.activitytrail.alerts;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one rule remembers of one group key: the hits within the window of the newest one (sorted by
 * {@link Hit#ORDER}) and the alert that suppresses, if any. Immutable; the empty state is {@link
 * #EMPTY}, and a state past {@link #expiresAt} is empty again (the operator clears it then).
 */
public record GroupState(List<Hit> hits, OpenAlert open) implements Serializable {

  private static final long serialVersionUID = 1L;

  public static final GroupState EMPTY = new GroupState(List.of(), null);

  public GroupState {
    hits = List.copyOf(hits);
  }

  public boolean isEmpty() {
    return hits.isEmpty() && open == null;
  }

  /**
   * The event time from which nothing of this state can matter: the newest hit has left the window
   * and the suppression has ended. Null for the empty state.
   */
  public Instant expiresAt(Duration window) {
    Instant end = hits.isEmpty() ? null : hits.get(hits.size() - 1).at().plus(window);
    if (open != null && (end == null || open.suppressUntil().isAfter(end))) {
      end = open.suppressUntil();
    }
    return end;
  }

  /** This state as of event time {@code now}: empty once it has expired. */
  public GroupState at(Instant now, Duration window) {
    Instant expiry = expiresAt(window);
    return expiry != null && !now.isBefore(expiry) ? EMPTY : this;
  }
}
