package io.activitytrail.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "timeline",
    mixinStandardHelpOptions = true,
    description =
        "Show one record's history, oldest first (e.g. trail timeline --workspace acme ticket 42).")
final class TimelineCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--workspace", required = true, description = "The workspace id.")
  String workspace;

  @Parameters(
      index = "0",
      paramLabel = "<record-type>",
      description = "ticket, customer, asset, ...")
  String recordType;

  @Parameters(index = "1", paramLabel = "<id>", description = "The record's id.")
  String recordId;

  @Option(
      names = "--limit",
      defaultValue = "200",
      description = "At most this many activities (1-1000, default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print the API's JSON page instead of a table.")
  boolean json;

  @Mixin ActivityReader reader;

  @Override
  public Integer call() throws Exception {
    if (limit < 1 || limit > 1000) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--limit must be from 1 to 1000, got " + limit);
    }
    FeedCommand.print(reader.timeline(workspace, recordType, recordId, limit), json);
    return 0;
  }
}
