package io.activitytrail.notifications.email;

import io.activitytrail.clickhouse.ActivityColumns;
import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.JsonEachRow;
import io.activitytrail.clickhouse.SqlIdentifiers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The sent log as the {@code email_sent} table (V009), read and written through the port. */
public final class ClickHouseSentLog implements SentLog {

  private static final List<String> COLUMNS =
      List.of("notification_id", "workspace_id", "recipient_id", "message_id", "sent_at");

  private final ClickHouse ch;
  private final String table;

  public ClickHouseSentLog(ClickHouse ch, String database) {
    this.ch = ch;
    this.table = SqlIdentifiers.require(database, "database") + ".email_sent";
  }

  @Override
  public Set<String> alreadySent(Collection<String> notificationIds) {
    if (notificationIds.isEmpty()) {
      return Set.of();
    }
    Set<String> sent = new HashSet<>();
    for (Map<String, Object> row :
        ch.query(
            "SELECT DISTINCT notification_id FROM "
                + table
                + " WHERE notification_id IN {ids:Array(String)}",
            Map.of("ids", List.copyOf(notificationIds)))) {
      sent.add(row.get("notification_id").toString());
    }
    return sent;
  }

  @Override
  public void record(EmailMessage message, String workspaceId, String recipientId, Instant at) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String id : message.notificationIds()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("notification_id", id);
      row.put("workspace_id", workspaceId);
      row.put("recipient_id", recipientId);
      row.put("message_id", message.messageId());
      row.put("sent_at", ActivityColumns.formatTime(at.toEpochMilli()));
      rows.add(row);
    }
    ch.insert(table, COLUMNS, JsonEachRow.write(rows));
  }

  @Override
  public void close() {
    ch.close();
  }
}
