package io.activitytrail.clickhouse;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Notification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-app notifications of {@link ComplianceDataset}'s month and their read markers: who heard
 * of what and when they read it. Ada (u3) has tickets 18 assigned to her, Ben (u4) ticket 19, Adam
 * (u2, admin) hears of audit events; one notification is written twice (its event was replayed),
 * and the markers exercise each way of reading: by id, by a later "mark all", by a "mark all"
 * before the notification (which must not count), and by another user (which must not count).
 */
final class ComplianceNotifications {

  private ComplianceNotifications() {}

  /** Writes the notifications (the replayed one in an insert of its own) and the markers. */
  static void load(ClickHouse ch, String database, List<ActivityEvent> events) {
    List<Notification> all = new ArrayList<>();
    Notification assignedToAda = inApp(events, "2025-03-04T09:00:05Z", "u3", "assigned");
    Notification directSql = inApp(events, "2025-03-11T03:00:00Z", "u3", "assigned");
    Notification comment = inApp(events, "2025-03-11T10:00:00Z", "u3", "assigned");
    Notification assignedToBen = inApp(events, "2025-03-06T11:00:03Z", "u4", "assigned");
    Notification promotion = inApp(events, "2025-03-10T14:00:00Z", "u2", "audit");
    Notification export = inApp(events, "2025-03-15T23:30:00Z", "u2", "audit");
    Notification globex = inApp(events, "2025-03-07T12:00:00Z", "g1", "workspace");
    all.addAll(
        List.of(assignedToAda, directSql, comment, assignedToBen, promotion, export, globex));
    insert(ch, database, all);
    insert(ch, database, List.of(comment)); // the replayed event's notification, again

    NotificationQueries queries = new NotificationQueries(ch, database);
    Recipient ada = new Recipient("acme", "u3", true);
    Recipient adam = new Recipient("acme", "u2", true);
    Recipient ben = new Recipient("acme", "u4", true);
    queries.markAllRead(ada, at("2025-03-05T00:00:00Z"));
    queries.markRead(ada, List.of(comment.getNotificationId()), at("2025-03-11T12:00:00Z"));
    queries.markAllRead(adam, at("2025-03-01T00:00:00Z")); // before any of his: covers none
    queries.markAllRead(adam, at("2025-03-12T08:00:00Z"));
    queries.markAllRead(adam, at("2025-03-20T08:00:00Z"));
    queries.markRead(ben, List.of(directSql.getNotificationId()), at("2025-03-12T09:00:00Z"));
  }

  private static Notification inApp(
      List<ActivityEvent> events, String occurredAt, String recipient, String reason) {
    Instant at = at(occurredAt);
    ActivityEvent event =
        events.stream()
            .filter(e -> e.getOccurredAt().equals(at))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no event at " + occurredAt));
    return TestNotifications.inApp(event, recipient, reason);
  }

  private static void insert(ClickHouse ch, String database, List<Notification> notifications) {
    ch.insert(
        database + ".notification",
        NotificationRows.COLUMNS,
        NotificationRows.toJsonEachRow(notifications));
  }

  private static Instant at(String text) {
    return Instant.parse(text);
  }
}
