package io.activitytrail.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "feed",
    mixinStandardHelpOptions = true,
    description = "Show a workspace's newest activities, newest first.")
final class FeedCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--workspace", required = true, description = "The workspace id.")
  String workspace;

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "How many activities (1-500, default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print the API's JSON page instead of a table.")
  boolean json;

  @Mixin ActivityReader reader;

  @Override
  public Integer call() throws Exception {
    if (limit < 1 || limit > 500) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--limit must be from 1 to 500, got " + limit);
    }
    print(reader.feed(workspace, limit), json);
    return 0;
  }

  static void print(List<Map<String, Object>> items, boolean json) throws Exception {
    if (json) {
      Map<String, Object> page = new LinkedHashMap<>();
      page.put("items", items);
      page.put("next_cursor", null);
      System.out.println(new ObjectMapper().writeValueAsString(page));
    } else {
      ActivityTable.print(items, System.out);
    }
  }
}
