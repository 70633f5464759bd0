package io.activitytrail.clickhouse;

import io.activitytrail.event.ActivityEvent;
import java.time.Instant;

/**
 * One in-app notification as its recipient sees it.
 *
 * @param createdAt the activity's commit time (the page order, with the id)
 * @param reason why the recipient hears of it: assigned, unassigned, following, workspace, audit
 * @param read whether a read marker covers it (docs/notifications.md)
 * @param activity the activity, as the feed holds it
 */
public record NotificationItem(
    String notificationId,
    Instant createdAt,
    String reason,
    boolean read,
    ActivityEvent activity) {}
