package io.activitytrail.notifications;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.Notification;
import io.activitytrail.event.NotificationChannel;
import io.activitytrail.event.SourcePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** Named activities and notifications for the notifier's tests. */
public final class TestActivities {

  /** When the test activities committed. */
  public static final Instant COMMITTED = Instant.parse("2026-03-01T09:00:00Z");

  private TestActivities() {}

  public static Actor user(String id, String name) {
    return Actor.newBuilder()
        .setType("user")
        .setId(id)
        .setName(name)
        .setSource("context")
        .setExtra(new HashMap<>())
        .build();
  }

  public static Actor user(String id) {
    return user(id, null);
  }

  /** A ticket activity of {@code type} by {@code actor}, at WAL position {@code lsn}. */
  public static ActivityEvent activity(String type, Actor actor, String ticketId, long lsn) {
    return ActivityEvent.newBuilder()
        .setEventId("e-" + type + "-" + ticketId + "-" + lsn)
        .setChangeId("c-" + type + "-" + ticketId + "-" + lsn)
        .setWorkspaceId("acme")
        .setOccurredAt(COMMITTED.plusMillis(lsn))
        .setProcessedAt(COMMITTED.plusMillis(lsn + 1))
        .setCategory(Category.activity)
        .setType(type)
        .setRecordType("ticket")
        .setRecordId(ticketId)
        .setRecordDisplay("#" + ticketId + " Printer jam")
        .setActor(actor)
        .setChanges(new ArrayList<>())
        .setDetails(new HashMap<>())
        .setSource(
            SourcePosition.newBuilder()
                .setConnector("helpdesk")
                .setLsn(lsn)
                .setTxOrder(1L)
                .setTopic("helpdesk.helpdesk.tickets")
                .setPartition(0)
                .setOffset(lsn)
                .build())
        .build();
  }

  public static ActivityEvent activity(String type, Actor actor) {
    return activity(type, actor, "42", 1);
  }

  public static FieldChange change(String field, String old, String now) {
    return FieldChange.newBuilder()
        .setField(field)
        .setOld(old)
        .setNew$(now)
        .setSensitive(false)
        .build();
  }

  /** The email notification of a ticket activity for Bo (6), for {@code reason}. */
  public static Notification email(String type, String reason, String ticketId, long lsn) {
    ActivityEvent activity = activity(type, user("5", "Ada Agent"), ticketId, lsn);
    if (type.equals("assigned")) {
      activity.setChanges(new ArrayList<>(List.of(change("assignee_id", null, "6"))));
    }
    return Notification.newBuilder()
        .setNotificationId(Notifications.id(activity.getEventId(), "6", NotificationChannel.email))
        .setWorkspaceId("acme")
        .setRecipientId("6")
        .setRecipientEmail("bo@acme.test")
        .setChannel(NotificationChannel.email)
        .setReason(reason)
        .setCreatedAt(activity.getOccurredAt())
        .setActivity(activity)
        .build();
  }
}
