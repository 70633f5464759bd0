package io.activitytrail.notifications;

import java.io.Serializable;

/**
 * One row of a user's notification settings: which activity type ({@link #ANY_TYPE} for all) in
 * which scope reaches them on which channels.
 */
public record Preference(String activityType, Scope scope, boolean inApp, boolean email)
    implements Serializable {

  /** The activity type of a row that covers every type. */
  public static final String ANY_TYPE = "*";

  public boolean covers(String type) {
    return activityType.equals(ANY_TYPE) || activityType.equals(type);
  }
}
