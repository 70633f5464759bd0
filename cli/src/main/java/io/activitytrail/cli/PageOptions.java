package io.activitytrail.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The paging and output options every reading command shares: limit, cursor, --json. */
final class PageOptions {

  @Option(names = "--limit", description = "Items per page (1-500, default 50).")
  Integer limit;

  @Option(names = "--cursor", description = "The next_cursor of the previous page.")
  String cursor;

  @Option(names = "--json", description = "Print the API's JSON page instead of a table.")
  boolean json;

  @Spec(Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec spec;

  /** Adds limit and cursor to the query, after checking the limit as the API would. */
  ActivityReader.Query addTo(ActivityReader.Query query) {
    ActivityReader.checkLimit(spec, limit);
    return query.add("limit", limit).add("cursor", cursor);
  }
}
