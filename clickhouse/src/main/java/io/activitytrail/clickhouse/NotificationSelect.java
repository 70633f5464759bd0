package io.activitytrail.clickhouse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements that read a recipient's notifications (V009): fixed SQL text, every value bound as
 * a {@code {name:Type}} parameter. Pure: it only produces text and parameters.
 *
 * <p>Read state is computed, never stored on the notification: it is read when a marker of the same
 * recipient names it, or when a marker {@code '*'} was written at or after its creation. So a
 * statement first takes the recipient's newest {@code '*'} ({@code all_read_up_to}, a scalar
 * subquery run once, which ClickHouse then uses as a constant) and the set of ids marked one by one
 * (one key range of {@code notification_read}, built once per statement even when named twice).
 *
 * <p>A page reads {@code notification} in its sorting key's order within one recipient's key range
 * ({@code workspace_id, recipient_id}), after the cursor, and stops at the limit; an unread page
 * also bounds {@code created_at} from below by {@code all_read_up_to}, which prunes by the key as
 * well. Copies of a notification written twice are adjacent in that order and dropped by {@link
 * NotificationQueries}; the count counts distinct ids.
 */
final class NotificationSelect {

  // Where every statement starts: one recipient's key range.
  private static final String RECIPIENT =
      "workspace_id = {workspace:String} AND recipient_id = {recipient:String}";
  private static final String ALL_READ_UP_TO =
      "(SELECT max(read_at) FROM %s WHERE " + RECIPIENT + " AND notification_id = '*')";
  private static final String MARKED_ONE_BY_ONE =
      "(SELECT notification_id FROM %s WHERE " + RECIPIENT + " AND notification_id != '*')";
  private static final String ORDER_DESC = "created_at DESC, notification_id DESC";

  /**
   * One thread, as for the page tables. And no PREWHERE: ClickHouse would move {@code
   * notification_id NOT IN (...)} there and evaluate it over the recipient's whole key range before
   * the LIMIT could stop the read in key order (measured, 100k notifications of one recipient, 20k
   * of them marked one by one: 1,000 unread ids 30 -> 8 ms, chDB).
   */
  private static final String SETTINGS = " SETTINGS max_threads = 1, optimize_move_to_prewhere = 0";

  private final String notifications;
  private final String markers;

  /**
   * @param notifications the checked, quoted {@code notification} table
   * @param markers the checked, quoted {@code notification_read} table
   */
  NotificationSelect(String notifications, String markers) {
    this.notifications = notifications;
    this.markers = markers;
  }

  /**
   * Up to {@code rows} rows ({@code notification_id, created_ms, reason, is_read, payload}) of the
   * recipient's notifications strictly before {@code after} (null: from the newest), newest first,
   * copies of a notification included.
   */
  KeysetSelect.Statement page(Recipient who, boolean unreadOnly, Keyset after, int rows) {
    Map<String, Object> params = recipientParams(who);
    List<String> where = conditions(who, unreadOnly);
    if (after != null) {
      // The plain time bound lets ClickHouse skip granules by the primary key; the tuple
      // comparison then cuts exactly at the cursor.
      where.add("created_at <= fromUnixTimestamp64Milli({after_ms:Int64}, 'UTC')");
      where.add(
          "(created_at, notification_id) < (fromUnixTimestamp64Milli({after_ms:Int64}, 'UTC'),"
              + " {after_id:String})");
      params.put("after_ms", after.occurredAt().toEpochMilli());
      params.put("after_id", after.eventId());
    }
    params.put("rows", rows);
    String sql =
        with()
            + " SELECT notification_id, toUnixTimestamp64Milli(created_at) AS created_ms, reason,"
            + " created_at <= all_read_up_to OR notification_id IN "
            + markedOneByOne()
            + " AS is_read, payload FROM "
            + notifications
            + " WHERE "
            + String.join(" AND ", where)
            + " ORDER BY "
            + ORDER_DESC
            + " LIMIT {rows:UInt32}"
            + SETTINGS;
    return new KeysetSelect.Statement(sql, params);
  }

  /**
   * One row: {@code found}, the rows of the recipient's newest {@code upTo} unread ones, and {@code
   * unread}, the distinct ids among them. Counting stops at {@code upTo}, so it costs about what a
   * page of that size does, however many are unread.
   */
  KeysetSelect.Statement unreadCount(Recipient who, int upTo) {
    Map<String, Object> params = recipientParams(who);
    params.put("up_to", upTo);
    String sql =
        "SELECT count() AS found, count(DISTINCT notification_id) AS unread FROM ("
            + with()
            + " SELECT notification_id FROM "
            + notifications
            + " WHERE "
            + String.join(" AND ", conditions(who, true))
            + " ORDER BY "
            + ORDER_DESC
            + " LIMIT {up_to:UInt32})"
            + SETTINGS;
    return new KeysetSelect.Statement(sql, params);
  }

  private List<String> conditions(Recipient who, boolean unreadOnly) {
    List<String> where = new ArrayList<>(List.of(RECIPIENT));
    if (!who.auditNotifications()) {
      where.add("reason != 'audit'");
    }
    if (unreadOnly) {
      where.add("created_at > all_read_up_to");
      where.add("notification_id NOT IN " + markedOneByOne());
    }
    return where;
  }

  private String with() {
    return "WITH " + ALL_READ_UP_TO.formatted(markers) + " AS all_read_up_to";
  }

  private String markedOneByOne() {
    return MARKED_ONE_BY_ONE.formatted(markers);
  }

  private static Map<String, Object> recipientParams(Recipient who) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("workspace", who.workspaceId());
    params.put("recipient", who.userId());
    return params;
  }
}
