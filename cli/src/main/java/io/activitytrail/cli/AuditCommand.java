package io.activitytrail.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Show a workspace's audit log (logins, role and setting changes, exports), newest first.",
      "Needs an admin or auditor token; the local stack's minted token is an admin's."
    })
final class AuditCommand implements Callable<Integer> {

  @Option(names = "--workspace", required = true, description = "The workspace id.")
  String workspace;

  @Option(names = "--type", description = "Only this type, e.g. login_failed (repeatable).")
  List<String> types;

  @Option(names = "--actor", description = "Only this actor id (repeatable).")
  List<String> actors;

  @Option(names = "--outcome", description = "success or failure (a type ending in _failed).")
  String outcome;

  @Option(names = "--ip", description = "Only events from this client IP.")
  String ip;

  @Option(names = "--from", description = "From this time (ISO-8601, inclusive) or date.")
  String from;

  @Option(names = "--to", description = "Before this time (ISO-8601, exclusive) or date.")
  String to;

  @Option(names = "--limit", description = "Events per page (1-500, default 50).")
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
            .addAll("type", types)
            .addAll("actor", actors)
            .add("outcome", outcome)
            .add("ip", ip)
            .add("from", from)
            .add("to", to)
            .add("limit", limit)
            .add("cursor", cursor);
    ActivityTable.printPage(reader.page(workspace, "/audit-events", query), json, System.out);
    return 0;
  }
}
