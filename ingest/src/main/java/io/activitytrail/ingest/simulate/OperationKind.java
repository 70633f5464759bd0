package io.activitytrail.ingest.simulate;

import java.util.Locale;
import java.util.random.RandomGenerator;

/** The workload mix of a helpdesk day; weights are relative frequencies. */
public enum OperationKind {
  TICKET_CREATED(14),
  AGENT_REPLIED(14),
  CUSTOMER_REPLIED(8),
  STATUS_CHANGED(10),
  TICKET_ASSIGNED(6),
  RULE_ASSIGNED(4),
  PRIORITY_CHANGED(4),
  TICKET_FIELDS_UPDATED(4),
  COMMENT_ADDED(7),
  FILE_ATTACHED(4),
  ATTACHMENT_DELETED(1),
  TICKET_DELETED(1),
  TICKET_RESTORED(1),
  CUSTOMER_CONTACT_CHANGED(2),
  CUSTOMER_CREATED(2),
  ASSET_CREATED(1),
  ASSET_ASSIGNED(1),
  ASSET_STATUS_CHANGED(1),
  USER_ROLE_CHANGED(1),
  SETTING_CHANGED(1),
  LOGIN_SUCCEEDED(4),
  LOGIN_FAILED(2),
  /**
   * Someone guessing one account's password: 6 failed logins from one ip within a second, which the
   * built-in brute_force rule alerts on (the demo shows it).
   */
  BRUTE_FORCE(2),
  DATA_EXPORTED(1),
  FILE_DOWNLOADED(1),
  /** A team member follows a ticket (helpdesk.record_followers). */
  RECORD_FOLLOWED(2),
  RECORD_UNFOLLOWED(1),
  /** A team member changes a row of their Settings > Notifications. */
  NOTIFICATION_SETTINGS_CHANGED(1),
  /** Writes by a maintenance script straight to the database: no context message (about 3%). */
  DIRECT_SQL(3);

  private static final int TOTAL_WEIGHT = totalWeight();

  private final int weight;

  OperationKind(int weight) {
    this.weight = weight;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Draws a kind with probability proportional to its weight. */
  public static OperationKind pick(RandomGenerator random) {
    int ticket = random.nextInt(TOTAL_WEIGHT);
    for (OperationKind kind : values()) {
      ticket -= kind.weight;
      if (ticket < 0) {
        return kind;
      }
    }
    throw new AssertionError("weights changed while drawing");
  }

  /** Share of this kind in the mix, between 0 and 1. */
  public double share() {
    return (double) weight / TOTAL_WEIGHT;
  }

  private static int totalWeight() {
    int sum = 0;
    for (OperationKind kind : values()) {
      sum += kind.weight;
    }
    return sum;
  }
}
