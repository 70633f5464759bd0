package io.activitytrail.bench.queries;

import java.util.SplittableRandom;

/**
 * What each timed request asks for: always the largest workspace (rank 0), a user among its busy
 * ones, a common type, a random ticket. Drawn per request so no two requests are cache twins.
 */
final class BenchTargets {

  static final String WORKSPACE = SyntheticActivities.workspaceId(0);
  static final int PAGE = 50;
  static final String TYPE = "status_changed";

  private final SplittableRandom random = new SplittableRandom(42);
  private final int tickets;

  BenchTargets(SyntheticActivities data) {
    this.tickets = data.ticketsOf(0);
  }

  synchronized String user() {
    return "u-" + (1 + random.nextInt(10));
  }

  synchronized String ticket() {
    return "t-" + random.nextInt(tickets);
  }
}
