package io.activitytrail.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

  @Mixin TimeRangeOptions timeRange;

  @Mixin FieldChangeOptions fieldChange;

  @Mixin PageOptions page;

  @Mixin ActivityReader reader;

  @Override
  public Integer call() throws Exception {
    ActivityReader.Query query =
        new ActivityReader.Query()
            .addAll("actor", actors)
            .addAll("type", types)
            .addAll("record_type", recordTypes);
    page.addTo(timeRange.addTo(fieldChange.addTo(query)));
    ActivityTable.printPage(reader.page(workspace, "/activities", query), page.json, System.out);
    return 0;
  }
}
