package io.activitytrail.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Notification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NotificationRowsTest {

  private final ClickHouse ch = TestClickHouse.open();

  @Test
  @DisplayName(
      "a notification row holds its recipient, reason and the activity as a feed payload, and a"
          + " replayed copy collapses")
  void roundTrip() {
    String db = TestClickHouse.freshDatabase();
    ClickHouseMigrations.apply(ch, db);
    ActivityEvent activity = TestEvents.tricky("e-n1", "ws-n");
    Notification n = TestNotifications.inApp(activity, "42", "following");

    ch.insert(
        db + ".notification",
        NotificationRows.COLUMNS,
        NotificationRows.toJsonEachRow(List.of(n, n)));

    List<Map<String, Object>> rows =
        ch.query(
            "SELECT notification_id, recipient_id, reason, activity_type, record_id FROM "
                + db
                + ".notification FINAL",
            Map.of());
    assertThat(rows)
        .containsExactly(
            Map.of(
                "notification_id", n.getNotificationId(),
                "recipient_id", "42",
                "reason", "following",
                "activity_type", activity.getType(),
                "record_id", activity.getRecordId()));
    List<byte[]> payloads =
        ch.queryStrings("SELECT payload FROM " + db + ".notification LIMIT 1", Map.of());
    assertThat(ActivityRows.fromPayload(payloads.get(0))).isEqualTo(activity);
  }
}
