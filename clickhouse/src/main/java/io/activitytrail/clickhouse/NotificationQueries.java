package io.activitytrail.clickhouse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.activitytrail.clickhouse.PageCursor.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recipient's in-app notifications (V009, docs/notifications.md): pages newest first with keyset
 * cursors, the unread count, and read markers. Parameterized SQL only ({@link NotificationSelect});
 * every statement is bound to one recipient of one workspace.
 *
 * <p>A notification written twice (at-least-once delivery) shows once, before background merges
 * collapse the copies: they share (created_at, notification_id), so a page's rows hold them next to
 * each other and only the first is kept (as {@link ActivityQueries} does for events), and the count
 * counts distinct ids.
 *
 * <p>Read state is append-only: marking writes rows to {@code notification_read}, one per id, or
 * one {@code '*'} meaning "everything created up to now". Nothing ever changes a notification.
 */
public final class NotificationQueries {

  /** The most ids one read request may name: a page's worth. */
  public static final int MAX_READ_IDS = Page.MAX_LIMIT;

  /**
   * Where the unread count stops: a badge shows "999+" long before, and counting further would cost
   * in proportion to the unread backlog (a user who never marks all as read has a year of it).
   */
  public static final int MAX_UNREAD_COUNT = 1_000;

  /** Longer than any notification id (a UUID): a longer one cannot name a notification. */
  public static final int MAX_ID_LENGTH = 100;

  /** The marker id that means every notification created up to its read_at. */
  static final String ALL = "*";

  private static final List<String> MARKER_COLUMNS =
      List.of("workspace_id", "recipient_id", "notification_id", "read_at");
  private static final JsonFactory JSON = new JsonFactory();

  private final ClickHouse ch;
  private final NotificationSelect select;
  private final String markerTable;

  public NotificationQueries(ClickHouse ch, String database) {
    this.ch = ch;
    String db = SqlIdentifiers.require(database, "database");
    this.select =
        new NotificationSelect("`" + db + "`.notification", "`" + db + "`.notification_read");
    // The port quotes the parts of an insert's table itself.
    this.markerTable = db + ".notification_read";
  }

  /** A page of the recipient's notifications (or only the unread ones), newest first. */
  public NotificationPage page(Recipient who, boolean unreadOnly, int limit, String cursor) {
    Kind kind = unreadOnly ? Kind.UNREAD_NOTIFICATIONS : Kind.NOTIFICATIONS;
    Keyset after = PageCursor.decode(kind, cursor);
    int rows = QueryChecks.pageLimit(limit);
    // One notification more than asked tells whether a next page exists.
    List<NotificationItem> found = distinct(who, unreadOnly, after, rows + 1);
    if (found.size() <= rows) {
      return new NotificationPage(found, null);
    }
    List<NotificationItem> page = found.subList(0, rows);
    return new NotificationPage(page, PageCursor.encode(kind, position(page.get(rows - 1))));
  }

  /**
   * How many distinct notifications of the recipient no marker covers, counted up to {@link
   * #MAX_UNREAD_COUNT}. One row more than the cap is read to tell "exactly the cap" from "more"; a
   * copy written twice among those rows is counted once.
   */
  public UnreadCount unreadCount(Recipient who) {
    KeysetSelect.Statement s = select.unreadCount(who, MAX_UNREAD_COUNT + 1);
    Map<String, Object> row = ch.query(s.sql(), s.params()).get(0);
    long found = ((Number) row.get("found")).longValue();
    long unread = ((Number) row.get("unread")).longValue();
    return found > MAX_UNREAD_COUNT
        ? new UnreadCount(MAX_UNREAD_COUNT, true)
        : new UnreadCount(unread, false);
  }

  /**
   * Marks the recipient's notifications {@code ids} read at {@code at}: one marker each, written
   * under the recipient, so an id of another user's notification changes nothing for anyone.
   */
  public void markRead(Recipient who, Collection<String> ids, Instant at) {
    Set<String> distinct = new LinkedHashSet<>(ids);
    if (distinct.isEmpty() || distinct.size() > MAX_READ_IDS) {
      throw new IllegalArgumentException(
          "name 1 to " + MAX_READ_IDS + " notifications, got " + distinct.size());
    }
    for (String id : distinct) {
      if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH || ALL.equals(id)) {
        throw new IllegalArgumentException("not a notification id: " + id);
      }
    }
    writeMarkers(who, distinct, at);
  }

  /** Marks every notification of the recipient created up to {@code at} read. */
  public void markAllRead(Recipient who, Instant at) {
    writeMarkers(who, List.of(ALL), at);
  }

  /**
   * Up to {@code wanted} distinct notifications before {@code after}. Copies share their position,
   * so they arrive next to each other; when copies shortened a read, the next one continues
   * strictly after the last position seen (any copy left there is a copy).
   */
  private List<NotificationItem> distinct(
      Recipient who, boolean unreadOnly, Keyset after, int wanted) {
    List<NotificationItem> page = new ArrayList<>(wanted);
    Keyset position = after;
    while (page.size() < wanted) {
      int asked = wanted - page.size();
      KeysetSelect.Statement s = select.page(who, unreadOnly, position, asked);
      List<Map<String, Object>> rows = ch.query(s.sql(), s.params());
      for (Map<String, Object> row : rows) {
        NotificationItem item = item(row);
        boolean copy =
            !page.isEmpty()
                && page.get(page.size() - 1).notificationId().equals(item.notificationId());
        if (!copy && page.size() < wanted) {
          page.add(item);
        }
        position = position(item);
      }
      if (rows.size() < asked) {
        break;
      }
    }
    return page;
  }

  private static NotificationItem item(Map<String, Object> row) {
    return new NotificationItem(
        (String) row.get("notification_id"),
        Instant.ofEpochMilli(((Number) row.get("created_ms")).longValue()),
        (String) row.get("reason"),
        ((Number) row.get("is_read")).intValue() != 0,
        ActivityRows.fromPayload(((String) row.get("payload")).getBytes(StandardCharsets.UTF_8)));
  }

  private static Keyset position(NotificationItem item) {
    return new Keyset(item.createdAt(), Keyset.MISSING, Keyset.MISSING, item.notificationId());
  }

  private void writeMarkers(Recipient who, Collection<String> ids, Instant at) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(ids.size() * 96);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setRootValueSeparator(null);
      for (String id : ids) {
        g.writeStartObject();
        g.writeStringField("workspace_id", who.workspaceId());
        g.writeStringField("recipient_id", who.userId());
        g.writeStringField("notification_id", id);
        g.writeStringField("read_at", ActivityColumns.formatTime(at.toEpochMilli()));
        g.writeEndObject();
        g.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write read markers: " + e.getMessage(), e);
    }
    ch.insert(markerTable, MARKER_COLUMNS, out.toByteArray());
  }
}
