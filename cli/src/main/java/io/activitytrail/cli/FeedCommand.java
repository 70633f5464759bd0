package io.activitytrail.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "feed",
    mixinStandardHelpOptions = true,
    description = {
      "Show a workspace's activities, newest first, through the HTTP API.",
      "Filters are those of GET /v1/workspaces/{ws}/activities; repeat an option for several values."
    })
final class FeedCommand implements Callable<Integer> {

  @Option(names = "--workspace", required = true, description = "The workspace id.")
  String workspace;

  @Option(names = "--actor", description = "Only this actor id (repeatable).")
  List<String> actors;

  @Option(names = "--type", description = "Only this type, e.g. status_changed (repeatable).")
  List<String> types;

  @Option(names = "--record-type", description = "Only this record type, e.g. ticket (repeatable).")
  List<String> recordTypes;

  @Option(names = "--from", description = "From this time (ISO-8601, inclusive) or date.")
  String from;

  @Option(names = "--to", description = "Before this time (ISO-8601, exclusive) or date.")
  String to;

  @Option(names = "--limit", description = "Activities per page (1-500, default 50).")
  Integer limit;

  @Option(names = "--cursor", description = "The next_cursor of the previous page.")
  String cursor;

  @Option(names = "--json", description = "Print the API's JSON page instead of a table.")
  boolean json;

  @Mixin ActivityReader reader;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ActivityReader.checkLimit(spec, limit);
    ActivityReader.Query query =
        new ActivityReader.Query()
            .addAll("actor", actors)
            .addAll("type", types)
            .addAll("record_type", recordTypes)
            .add("from", from)
            .add("to", to)
            .add("limit", limit)
            .add("cursor", cursor);
    ActivityTable.printPage(reader.page(workspace, "/activities", query), json, System.out);
    return 0;
  }
}
