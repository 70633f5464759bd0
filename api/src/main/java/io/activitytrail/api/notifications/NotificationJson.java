package io.activitytrail.api.notifications;

import io.activitytrail.api.ActivityJson;
import io.activitytrail.api.Role;
import io.activitytrail.clickhouse.NotificationItem;
import io.activitytrail.clickhouse.NotificationPage;
import io.activitytrail.clickhouse.UnreadCount;
import io.activitytrail.event.Category;
import java.util.LinkedHashMap;
import java.util.Map;

/** The API's JSON of a notification page: each item with the activity as the feed gives it. */
final class NotificationJson {

  private NotificationJson() {}

  /**
   * A member never receives an audit event, from any route. Their reads already leave out
   * notifications of reason {@code audit}; should one of another reason carry an audit event, it is
   * dropped here too (the page then holds fewer than the limit, the cursor still continues).
   */
  static Map<String, Object> page(NotificationPage page, Role role) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(
        "items",
        page.items().stream()
            .filter(n -> role.readsAudit() || n.activity().getCategory() != Category.audit)
            .map(n -> item(n, role))
            .toList());
    json.put("next_cursor", page.nextCursor());
    return json;
  }

  static Map<String, Object> item(NotificationItem n, Role role) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("notification_id", n.notificationId());
    json.put("created_at", ActivityJson.timestamp(n.createdAt()));
    json.put("read", n.read());
    json.put("reason", n.reason());
    json.put("activity", ActivityJson.item(n.activity(), role));
    return json;
  }

  /** {@code {"unread": N, "capped": false}}; capped: there are at least N (the most counted). */
  static Map<String, Object> count(UnreadCount count) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("unread", count.unread());
    json.put("capped", count.capped());
    return json;
  }
}
