package io.activitytrail.alerts;

import java.io.Serializable;
import java.time.Instant;

/**
 * The last alert a group fired, while it suppresses: matching events before {@code suppressUntil}
 * add to it ({@code absorbed}) instead of firing.
 */
public record OpenAlert(String alertId, Instant firedAt, Instant suppressUntil, int absorbed)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  OpenAlert absorb() {
    return new OpenAlert(alertId, firedAt, suppressUntil, absorbed + 1);
  }
}
