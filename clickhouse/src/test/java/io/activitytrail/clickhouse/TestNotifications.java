package io.activitytrail.clickhouse;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Notification;
import io.activitytrail.event.NotificationChannel;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Named notifications for tests: an activity for one recipient in the app. */
public final class TestNotifications {

  private TestNotifications() {}

  /** The in-app notification of {@code activity} for {@code recipient}, for {@code reason}. */
  public static Notification inApp(ActivityEvent activity, String recipient, String reason) {
    String id =
        UUID.nameUUIDFromBytes(
                (activity.getEventId() + "|" + recipient + "|in_app")
                    .getBytes(StandardCharsets.UTF_8))
            .toString();
    return Notification.newBuilder()
        .setNotificationId(id)
        .setWorkspaceId(activity.getWorkspaceId())
        .setRecipientId(recipient)
        .setRecipientEmail(null)
        .setChannel(NotificationChannel.in_app)
        .setReason(reason)
        .setCreatedAt(activity.getOccurredAt())
        .setActivity(activity)
        .build();
  }
}
