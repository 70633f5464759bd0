package io.activitytrail.clickhouse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.activitytrail.event.Notification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * In-app notifications to rows of the {@code notification} table (V009). The activity goes into
 * {@code payload} as the activity row (the descriptor {@link ActivityColumns}), so a notification
 * item reads back with {@link ActivityRows#fromPayload}, like a feed item.
 */
public final class NotificationRows {

  /** The columns {@link #toJsonEachRow} writes, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "notification_id",
          "workspace_id",
          "recipient_id",
          "created_at",
          "reason",
          "event_id",
          "activity_type",
          "record_type",
          "record_id",
          "retention_days",
          "payload");

  private static final JsonFactory JSON = new JsonFactory();

  private NotificationRows() {}

  public static byte[] toJsonEachRow(List<Notification> notifications) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(Math.max(256, notifications.size() * 900));
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setRootValueSeparator(null);
      for (Notification n : notifications) {
        g.writeStartObject();
        g.writeStringField("notification_id", n.getNotificationId());
        g.writeStringField("workspace_id", n.getWorkspaceId());
        g.writeStringField("recipient_id", n.getRecipientId());
        g.writeStringField(
            "created_at", ActivityColumns.formatTime(n.getCreatedAt().toEpochMilli()));
        g.writeStringField("reason", n.getReason());
        g.writeStringField("event_id", n.getActivity().getEventId());
        g.writeStringField("activity_type", n.getActivity().getType());
        g.writeStringField("record_type", n.getActivity().getRecordType());
        g.writeStringField("record_id", n.getActivity().getRecordId());
        Integer retention = n.getActivity().getRetentionDays();
        if (retention == null) {
          g.writeNullField("retention_days");
        } else {
          g.writeNumberField("retention_days", retention);
        }
        g.writeStringField("payload", payload(n));
        g.writeEndObject();
        g.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write notification rows: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** The activity as the page tables' payload: one JSONEachRow object, without its newline. */
  private static String payload(Notification n) {
    String line =
        new String(ActivityRows.toJsonEachRow(List.of(n.getActivity())), StandardCharsets.UTF_8);
    return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
  }
}
