package io.activitytrail.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.alerts.AlertRule;
import io.activitytrail.alerts.RuleRows;
import io.activitytrail.alerts.RuleStates;
import io.activitytrail.alerts.RuleStates.RuleState;
import io.activitytrail.schemas.filter.EventFilterJson;
import io.activitytrail.stack.Engine;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = {
      "List a workspace's alert rules: the built-in pack and the workspace's own"
          + " (helpdesk.alert_rules), each in force, disabled, replaced, switched off or invalid.",
      "The workspace's rules are those the pipeline captured: rebuilt from the audit log's"
          + " alert_rule_changed events, as the job rebuilds them. The built-in pack is the local"
          + " engine's (alerts.rules-file in its engine.properties, else the one shipped).",
      "Example: trail rules --workspace acme"
    })
final class RulesCommand implements Callable<Integer> {

  /** Pages of alert_rule_changed events read at most (500 each). */
  static final int MAX_PAGES = 200;

  @Option(names = "--workspace", required = true, description = "The workspace id.")
  String workspace;

  @Option(
      names = "--rules-file",
      description =
          "The built-in pack the job was given (default: the local engine's, or shipped).")
  String rulesFile;

  @Option(names = "--json", description = "Print the rules as JSON instead of a table.")
  boolean json;

  @Mixin ActivityReader reader;

  @Override
  public Integer call() throws Exception {
    Engine.AlertRules rules = Engine.alertRules(Trail.stackConfig().engineOptionsFile(), rulesFile);
    List<RuleState> states =
        RuleStates.of(workspace, rules.builtIns(), workspaceRows(), rules.vocabulary());
    if (json) {
      System.out.println(
          new ObjectMapper().writeValueAsString(states.stream().map(RulesCommand::json).toList()));
    } else {
      print(states, System.out);
    }
    return 0;
  }

  /** The workspace's rule rows by id, from their changes in commit order. */
  @SuppressWarnings("unchecked")
  private Map<String, Map<String, String>> workspaceRows() throws Exception {
    List<Map<String, Object>> changes = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      ActivityReader.Query query =
          new ActivityReader.Query()
              .add("type", RuleRows.RULE_CHANGED)
              .add("limit", 500)
              .add("cursor", cursor);
      Map<String, Object> answer = reader.page(workspace, "/audit-events", query);
      changes.addAll((List<Map<String, Object>>) answer.get("items"));
      cursor = (String) answer.get("next_cursor");
      if (cursor == null) {
        break;
      }
    }
    Collections.reverse(changes); // the audit log is newest first
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (Map<String, Object> change : changes) {
      String id = (String) change.get("record_id");
      List<Map<String, Object>> fields = (List<Map<String, Object>>) change.get("changes");
      if (fields.isEmpty()) {
        rows.remove(id); // the row was deleted
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      fields.forEach(f -> values.put((String) f.get("field"), (String) f.get("new")));
      rows.put(id, RuleRows.apply(rows.getOrDefault(id, Map.of()), values));
    }
    return rows;
  }

  static void print(List<RuleState> states, PrintStream out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "NAME", "STATE", "SEVERITY", "RECIPIENTS", "CONDITION"});
    for (RuleState s : states) {
      AlertRule r = s.rule();
      rows.add(
          new String[] {
            s.id(),
            s.name(),
            s.state().text(),
            r == null ? "-" : r.severity().key(),
            r == null ? "-" : String.join(",", r.recipients()),
            r == null ? s.reason() : condition(r)
          });
    }
    ActivityTable.printRows(rows, out);
  }

  /** "5 x {"type":["login_failed"]} within 600 s per actor, quiet 600 s". */
  static String condition(AlertRule r) {
    return r.threshold()
        + (r.distinct() == null ? " x " : " distinct " + r.distinct().key() + "s of ")
        + EventFilterJson.write(r.filter())
        + (r.detailAtLeast().isEmpty() ? "" : " with " + r.detailAtLeast())
        + " within "
        + r.window().toSeconds()
        + " s per "
        + r.groupBy().key()
        + ", quiet "
        + r.suppress().toSeconds()
        + " s";
  }

  private static Map<String, Object> json(RuleState s) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", s.id());
    json.put("name", s.name());
    json.put("state", s.state().name().toLowerCase(Locale.ROOT));
    json.put("reason", s.reason());
    if (s.rule() != null) {
      json.put("condition", condition(s.rule()));
      json.put("severity", s.rule().severity().key());
      json.put("recipients", s.rule().recipients());
      json.put("description", s.rule().description());
    }
    return json;
  }
}
