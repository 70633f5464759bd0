package io.activitytrail.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "timeline",
    mixinStandardHelpOptions = true,
    description = {
      "Show one record's history, oldest first, through the HTTP API.",
      "A ticket's timeline has its messages, comments and files with its changes.",
      "Example: trail timeline --workspace acme ticket 42"
    })
final class TimelineCommand implements Callable<Integer> {

  @Option(names = "--workspace", required = true, description = "The workspace id.")
  String workspace;

  @Parameters(
      index = "0",
      paramLabel = "<record-type>",
      description = "ticket, asset, customer, team_member, file, workspace.")
  String recordType;

  @Parameters(index = "1", paramLabel = "<id>", description = "The record's id.")
  String recordId;

  @Option(names = "--order", description = "asc (oldest first, the default) or desc.")
  String order;

  @Mixin PageOptions page;

  @Mixin ActivityReader reader;

  @Override
  public Integer call() throws Exception {
    ActivityReader.Query query = page.addTo(new ActivityReader.Query().add("order", order));
    String path =
        "/records/"
            + ActivityReader.encode(recordType)
            + "/"
            + ActivityReader.encode(recordId)
            + "/timeline";
    ActivityTable.printPage(reader.page(workspace, path, query), page.json, System.out);
    return 0;
  }
}
