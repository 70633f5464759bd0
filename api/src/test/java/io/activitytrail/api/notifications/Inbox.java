package io.activitytrail.api.notifications;

import io.activitytrail.api.Activities;
import io.activitytrail.clickhouse.TestNotifications;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Notification;
import java.time.Duration;
import java.time.Instant;

/** Named notifications for the API tests: an activity {@code minute} after Activities.BASE. */
final class Inbox {

  private Inbox() {}

  /** A ticket status change in {@code workspace}, notified to {@code user} as {@code reason}. */
  static Notification notification(String workspace, String user, int minute, String reason) {
    return of(Activities.in(workspace).type("status_changed").minute(minute).build(), user, reason);
  }

  /** A failed login (an audit event), notified to {@code user} as {@code audit}. */
  static Notification auditNotification(String workspace, String user, int minute) {
    return of(Activities.in(workspace).audit("login_failed").minute(minute).build(), user, "audit");
  }

  static Notification of(ActivityEvent activity, String user, String reason) {
    return TestNotifications.inApp(activity, user, reason);
  }

  /** The instant {@code minute} after Activities.BASE (what a test clock is set to). */
  static Instant minute(int minute) {
    return Activities.BASE.plus(Duration.ofMinutes(minute));
  }
}
