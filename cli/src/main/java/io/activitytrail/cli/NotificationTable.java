package io.activitytrail.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders API notification items as a table a person reads: unread mark, time, the id (for {@code
 * --read}), reason, then the activity as {@link ActivityTable} shows it: actor, type, record,
 * changes.
 */
final class NotificationTable {

  private NotificationTable() {}

  /** A page, how to ask for the next one, and the unread count ("1000+" when capped). */
  static void print(Map<String, Object> page, String unread, boolean unreadOnly, PrintStream out) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
    if (items.isEmpty()) {
      out.println(unreadOnly ? "(no unread notifications)" : "(no notifications)");
    } else {
      ActivityTable.printRows(rows(items), out);
    }
    Object next = page.get("next_cursor");
    if (next != null) {
      out.println();
      out.println("more: add --cursor " + next);
    }
    out.println();
    out.println(unread + " unread" + (items.isEmpty() ? "" : " (* marks them here)"));
  }

  static List<String[]> rows(List<Map<String, Object>> items) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "", "TIME (UTC)", "NOTIFICATION", "REASON", "ACTOR", "TYPE", "RECORD", "CHANGES"
        });
    for (Map<String, Object> item : items) {
      @SuppressWarnings("unchecked")
      Map<String, Object> activity = (Map<String, Object>) item.get("activity");
      rows.add(
          new String[] {
            Boolean.TRUE.equals(item.get("read")) ? "" : "*",
            ActivityTable.time(ActivityTable.text(item.get("created_at"))),
            ActivityTable.text(item.get("notification_id")),
            ActivityTable.text(item.get("reason")),
            ActivityTable.actor(activity.get("actor")),
            ActivityTable.text(activity.get("type")),
            ActivityTable.record(activity),
            ActivityTable.changes(activity.get("changes"))
          });
    }
    return rows;
  }
}
