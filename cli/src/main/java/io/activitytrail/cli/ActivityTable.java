package io.activitytrail.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders API activity items as a table a person reads: time, actor, type, record, changes. */
final class ActivityTable {

  private static final int CHANGES_WIDTH = 110;

  private ActivityTable() {}

  /** An API page: the raw JSON with --json, else the table and how to ask for the next page. */
  static void printPage(Map<String, Object> page, boolean json, PrintStream out)
      throws JsonProcessingException {
    if (json) {
      out.println(new ObjectMapper().writeValueAsString(page));
      return;
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
    print(items, out);
    Object next = page.get("next_cursor");
    if (next != null) {
      out.println();
      out.println("more: add --cursor " + next);
    }
  }

  static void print(List<Map<String, Object>> items, PrintStream out) {
    if (items.isEmpty()) {
      out.println("(no activities)");
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"TIME (UTC)", "ACTOR", "TYPE", "RECORD", "CHANGES"});
    for (Map<String, Object> item : items) {
      rows.add(
          new String[] {
            time(text(item.get("occurred_at"))),
            actor(item.get("actor")),
            text(item.get("type")),
            record(item),
            changes(item.get("changes"))
          });
    }
    printRows(rows, out);
  }

  /** Columns two spaces apart, each as wide as its widest cell; the last one is not padded. */
  static void printRows(List<String[]> rows, PrintStream out) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns - 1; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns - 1; i++) {
        line.append(row[i]).append(" ".repeat(widths[i] - row[i].length())).append("  ");
      }
      out.println(line.append(row[columns - 1]));
    }
  }

  /** "2025-11-25T20:14:03.123Z" shown as "2025-11-25 20:14:03". */
  static String time(String iso) {
    return iso.length() >= 19 ? iso.substring(0, 10) + " " + iso.substring(11, 19) : iso;
  }

  static String actor(Object actor) {
    if (!(actor instanceof Map<?, ?> a)) {
      return "?";
    }
    Object name = a.get("name");
    Object id = a.get("id");
    String type = text(a.get("type"));
    if (name != null) {
      return text(name);
    }
    return id == null ? type : type + ":" + id;
  }

  static String record(Map<String, Object> item) {
    String ref = text(item.get("record_type")) + " " + text(item.get("record_id"));
    Object display = item.get("record_display");
    return display == null ? ref : ref + " (" + display + ")";
  }

  /**
   * "status: open -> pending; assignee_id: - -> Ana Ruiz", display values preferred; a record's
   * initial values (no change has an old value) as "subject=Printer jam, status=new".
   */
  static String changes(Object changes) {
    if (!(changes instanceof List<?> list) || list.isEmpty()) {
      return "";
    }
    boolean initial =
        list.stream()
            .allMatch(
                o ->
                    o instanceof Map<?, ?> c
                        && c.get("old") == null
                        && c.get("old_display") == null);
    List<String> parts = new ArrayList<>();
    for (Object o : list) {
      if (o instanceof Map<?, ?> c) {
        if (initial) {
          if (!Boolean.TRUE.equals(c.get("sensitive"))) {
            parts.add(c.get("field") + "=" + value(c.get("new_display"), c.get("new")));
          }
        } else if (Boolean.TRUE.equals(c.get("sensitive"))) {
          parts.add(c.get("field") + ": (changed)");
        } else {
          parts.add(
              c.get("field")
                  + ": "
                  + value(c.get("old_display"), c.get("old"))
                  + " -> "
                  + value(c.get("new_display"), c.get("new")));
        }
      }
    }
    String joined = String.join(initial ? ", " : "; ", parts);
    return joined.length() > CHANGES_WIDTH ? joined.substring(0, CHANGES_WIDTH - 1) + "…" : joined;
  }

  private static String value(Object display, Object raw) {
    Object v = display != null ? display : raw;
    if (v == null) {
      return "-";
    }
    String s = v.toString().replace('\n', ' ');
    return s.length() > 30 ? s.substring(0, 29) + "…" : s;
  }

  static String text(Object o) {
    return o == null ? "" : o.toString();
  }
}
