package io.activitytrail.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = {
      "Show the alerts fired in a workspace, newest first, each with its first matching events.",
      "Reads GET /v1/workspaces/{ws}/alerts (admins and auditors; the local stack's minted token"
          + " is an admin's). The rules behind them: trail rules.",
      "Example: trail alerts --workspace acme --severity high --from 2026-12-01"
    })
final class AlertsCommand implements Callable<Integer> {

  @Option(names = "--workspace", required = true, description = "The workspace id.")
  String workspace;

  @Option(
      names = "--rule",
      description = "Only this rule's alerts: its id, e.g. builtin:brute_force (repeatable).")
  List<String> rules;

  @Option(
      names = "--severity",
      description = "Only this severity: low, medium, high or critical (repeatable).")
  List<String> severities;

  @Mixin TimeRangeOptions timeRange;

  @Mixin PageOptions page;

  @Mixin ActivityReader reader;

  @Override
  public Integer call() throws Exception {
    ActivityReader.Query query =
        new ActivityReader.Query().addAll("rule", rules).addAll("severity", severities);
    page.addTo(timeRange.addTo(query));
    Map<String, Object> answer = reader.page(workspace, "/alerts", query);
    if (page.json) {
      System.out.println(new ObjectMapper().writeValueAsString(answer));
    } else {
      print(answer, System.out);
    }
    return 0;
  }

  @SuppressWarnings("unchecked")
  static void print(Map<String, Object> answer, PrintStream out) {
    List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
    if (items.isEmpty()) {
      out.println("(no alerts)");
      return;
    }
    for (Map<String, Object> alert : items) {
      Map<String, Object> d = (Map<String, Object>) alert.get("details");
      out.println(
          ActivityTable.time(ActivityTable.text(alert.get("occurred_at")))
              + "  "
              + ActivityTable.text(d.get("severity")).toUpperCase(Locale.ROOT)
              + "  "
              + d.get("rule_name")
              + "  "
              + group(d)
              + ": "
              + d.get("count")
              + (d.containsKey("distinct") ? " distinct " + d.get("distinct") + "s" : " events")
              + " within "
              + d.get("window_seconds")
              + " s");
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"    TIME (UTC)", "ACTOR", "TYPE", "RECORD", "CHANGES"});
      for (Map<String, Object> e : (List<Map<String, Object>>) alert.get("matching_events")) {
        rows.add(
            new String[] {
              "    " + ActivityTable.time(ActivityTable.text(e.get("occurred_at"))),
              ActivityTable.actor(e.get("actor")),
              ActivityTable.text(e.get("type")),
              ActivityTable.record(e),
              ActivityTable.changes(e.get("changes"))
            });
      }
      ActivityTable.printRows(rows, out);
      out.println();
    }
    Object next = answer.get("next_cursor");
    if (next != null) {
      out.println("more: add --cursor " + next);
    }
  }

  private static String group(Map<String, Object> details) {
    Object by = details.get("group_by");
    return "none".equals(by) || by == null ? "workspace" : by + " " + details.get("group_key");
  }
}
