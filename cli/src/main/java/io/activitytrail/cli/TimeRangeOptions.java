package io.activitytrail.cli;

import picocli.CommandLine.Option;

/** --from and --to, as the API takes them. */
final class TimeRangeOptions {

  @Option(names = "--from", description = "From this time (ISO-8601, inclusive) or date.")
  String from;

  @Option(names = "--to", description = "Before this time (ISO-8601, exclusive) or date.")
  String to;

  ActivityReader.Query addTo(ActivityReader.Query query) {
    return query.add("from", from).add("to", to);
  }
}
