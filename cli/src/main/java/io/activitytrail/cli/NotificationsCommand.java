package io.activitytrail.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "notifications",
    mixinStandardHelpOptions = true,
    description = {
      "Show a user's in-app notifications, newest first, through the HTTP API (unread ones marked"
          + " *), or mark them read.",
      "Reads GET /v1/workspaces/{ws}/notifications as that user: a token for --user is minted from"
          + " the local stack's secret (with --token, the token's user is the one shown).",
      "Examples: trail notifications --workspace acme --user 5 --unread",
      "          trail notifications --workspace acme --user 5 --read <notification id>..."
    })
final class NotificationsCommand implements Callable<Integer> {

  @Option(names = "--workspace", required = true, description = "The workspace id.")
  String workspace;

  @Option(
      names = "--user",
      required = true,
      description = "The user whose notifications these are (the team member's id).")
  String user;

  @Option(names = "--unread", description = "Only the notifications not read yet.")
  boolean unread;

  @Option(
      names = "--mark-read",
      description = "Mark all of the user's notifications read (lists nothing).")
  boolean markAll;

  @Option(
      names = "--read",
      arity = "1..*",
      paramLabel = "ID",
      description = "Mark these notifications read (ids as listed; lists nothing).")
  List<String> readIds;

  @Mixin PageOptions page;

  @Mixin ActivityReader reader;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (markAll || readIds != null) {
      return mark();
    }
    ActivityReader.Query query =
        page.addTo(new ActivityReader.Query().add("unread", unread ? "true" : null));
    Map<String, Object> found = reader.get(workspace, user, "/notifications", query);
    if (page.json) {
      ActivityTable.printPage(found, true, System.out);
      return 0;
    }
    Map<String, Object> count =
        reader.get(workspace, user, "/notifications/unread-count", new ActivityReader.Query());
    String unreadCount =
        count.get("unread") + (Boolean.TRUE.equals(count.get("capped")) ? "+" : "");
    NotificationTable.print(found, unreadCount, unread, System.out);
    return 0;
  }

  private int mark() throws Exception {
    if (markAll && readIds != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--mark-read marks all, --read the named ones: give one of them");
    }
    if (unread || page.limit != null || page.cursor != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--mark-read and --read list nothing: leave out --unread, --limit and --cursor");
    }
    Object body = markAll ? Map.of("all", true) : Map.of("ids", readIds);
    reader.post(workspace, user, "/notifications/read", body);
    if (!page.json) {
      System.out.println(
          markAll
              ? "marked every notification of user " + user + " read"
              : "marked " + readIds.size() + " notification(s) of user " + user + " read");
    }
    return 0;
  }
}
