package io.activitytrail.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

  @Mixin TimeRangeOptions timeRange;

  @Mixin FieldChangeOptions fieldChange;

  @Mixin PageOptions page;

  @Mixin ActivityReader reader;

  @Override
  public Integer call() throws Exception {
    ActivityReader.Query query =
        new ActivityReader.Query()
            .addAll("type", types)
            .addAll("actor", actors)
            .add("outcome", outcome)
            .add("ip", ip);
    page.addTo(timeRange.addTo(fieldChange.addTo(query)));
    ActivityTable.printPage(reader.page(workspace, "/audit-events", query), page.json, System.out);
    return 0;
  }
}
