package io.activitytrail.notifications;

import java.util.Locale;

/**
 * Why a recipient hears of an activity; when several apply, the first in this order is given (an
 * assignment to me matters more than the record being one I follow).
 */
public enum Reason {
  /**
   * The activity assigned the record to the recipient, or happened on a record assigned to them.
   */
  ASSIGNED,
  /** The activity took the record away from the recipient. */
  UNASSIGNED,
  /** An audit event, for the workspace's administrators and owners. */
  AUDIT,
  /** The recipient follows the record. */
  FOLLOWING,
  /** The recipient asked for this type across the workspace. */
  WORKSPACE,
  /** An alert rule's condition was met and the rule names the recipient (or their role). */
  ALERT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
