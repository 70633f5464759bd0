package io.activitytrail.bench.queries;

/** The questions the benchmark times, each against the largest workspace. */
enum BenchQuery {
  FEED("feed", "feed page, no filter"),
  FEED_USER("feed_user", "feed page, one user"),
  FEED_TYPE("feed_type", "feed page, one type"),
  TIMELINE("timeline", "ticket timeline"),
  AUDIT("audit", "audit-log page");

  final String key;
  final String label;

  BenchQuery(String key, String label) {
    this.key = key;
    this.label = label;
  }
}
