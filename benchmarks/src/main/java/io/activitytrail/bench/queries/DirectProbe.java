package io.activitytrail.bench.queries;

import io.activitytrail.clickhouse.ActivityQueries;
import io.activitytrail.clickhouse.AuditFilter;
import io.activitytrail.clickhouse.FeedFilter;
import java.util.Set;

/** The same questions asked of {@link ActivityQueries} in-process: ClickHouse without HTTP. */
final class DirectProbe {

  private final ActivityQueries queries;
  private final BenchTargets targets;

  DirectProbe(ActivityQueries queries, BenchTargets targets) {
    this.queries = queries;
    this.targets = targets;
  }

  int ask(BenchQuery query) {
    String ws = BenchTargets.WORKSPACE;
    int page = BenchTargets.PAGE;
    return switch (query) {
      case FEED -> queries.feed(FeedFilter.all(ws), page, null).items().size();
      case FEED_USER ->
          queries
              .feed(
                  new FeedFilter(ws, Set.of(targets.user()), Set.of(), Set.of(), null, null),
                  page,
                  null)
              .items()
              .size();
      case FEED_TYPE ->
          queries
              .feed(
                  new FeedFilter(ws, Set.of(), Set.of(BenchTargets.TYPE), Set.of(), null, null),
                  page,
                  null)
              .items()
              .size();
      case TIMELINE ->
          queries.timeline(ws, "ticket", targets.ticket(), false, page, null).items().size();
      case AUDIT -> queries.audit(AuditFilter.all(ws), page, null).items().size();
    };
  }
}
