package io.activitytrail.clickhouse;

import java.util.List;

/** One page of a recipient's notifications, newest first, and the next page's cursor or null. */
public record NotificationPage(List<NotificationItem> items, String nextCursor) {

  public NotificationPage {
    items = List.copyOf(items);
  }
}
