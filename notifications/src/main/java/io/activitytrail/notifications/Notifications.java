package io.activitytrail.notifications;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Notification;
import io.activitytrail.event.NotificationChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The notifications an activity's decisions make: one per recipient and channel. */
public final class Notifications {

  private Notifications() {}

  public static List<Notification> of(ActivityEvent event, List<Decision> decisions) {
    List<Notification> notifications = new ArrayList<>();
    for (Decision decision : decisions) {
      if (decision.channels().inApp()) {
        notifications.add(notification(event, decision, NotificationChannel.in_app));
      }
      if (decision.channels().email()) {
        notifications.add(notification(event, decision, NotificationChannel.email));
      }
    }
    return notifications;
  }

  /**
   * A name-based UUID of the event id, the recipient and the channel: a replay of the change
   * produces the same event id, so the same notification id, which the tables and the mailer's sent
   * log collapse.
   */
  public static String id(String eventId, String recipientId, NotificationChannel channel) {
    String name = eventId + "|" + recipientId + "|" + channel.name();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * The email of an {@code alert_fired} event to one of its rule's recipients: a team member (by
   * role) or an address the rule names, which is then also the recipient's id.
   */
  public static Notification alertEmail(ActivityEvent alert, String recipientId, String address) {
    return Notification.newBuilder()
        .setNotificationId(id(alert.getEventId(), recipientId, NotificationChannel.email))
        .setWorkspaceId(alert.getWorkspaceId())
        .setRecipientId(recipientId)
        .setRecipientEmail(address)
        .setChannel(NotificationChannel.email)
        .setReason(Reason.ALERT.wireName())
        .setCreatedAt(alert.getOccurredAt())
        .setActivity(alert)
        .build();
  }

  private static Notification notification(
      ActivityEvent event, Decision decision, NotificationChannel channel) {
    Member recipient = decision.recipient();
    return Notification.newBuilder()
        .setNotificationId(id(event.getEventId(), recipient.id(), channel))
        .setWorkspaceId(event.getWorkspaceId())
        .setRecipientId(recipient.id())
        .setRecipientEmail(channel == NotificationChannel.email ? recipient.email() : null)
        .setChannel(channel)
        .setReason(decision.reason().wireName())
        .setCreatedAt(event.getOccurredAt())
        .setActivity(event)
        .build();
  }
}
