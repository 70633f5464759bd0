package io.activitytrail.clickhouse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Opaque page cursors: base64url of a small versioned text naming the query kind and the keyset
 * position of the last item served. The kind is checked on decode, so a feed cursor handed to the
 * audit log (or an ascending timeline cursor to a descending one) is refused rather than silently
 * starting somewhere odd.
 *
 * <p>Notification pages are ordered by (created_at, notification_id) alone: their position is a
 * {@link Keyset} whose lsn and tx order are {@link Keyset#MISSING}.
 */
final class PageCursor {

  /** The query a cursor belongs to. */
  enum Kind {
    FEED,
    AUDIT,
    TIMELINE_ASC,
    TIMELINE_DESC,
    NOTIFICATIONS,
    UNREAD_NOTIFICATIONS
  }

  private static final String VERSION = "v1";
  private static final char SEP = '\n';

  private PageCursor() {}

  static String encode(Kind kind, Keyset at) {
    String text =
        VERSION
            + SEP
            + kind.name()
            + SEP
            + at.occurredAt().toEpochMilli()
            + SEP
            + at.lsn()
            + SEP
            + at.txOrder()
            + SEP
            + at.eventId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The position a cursor holds; null for a null cursor (the first page). */
  static Keyset decode(Kind expected, String cursor) {
    if (cursor == null) {
      return null;
    }
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException("cursor is not a valid page cursor (not base64url)", e);
    }
    // The event id comes last and is taken whole, whatever it contains.
    String[] parts = text.split(String.valueOf(SEP), 6);
    if (parts.length != 6 || !VERSION.equals(parts[0])) {
      throw new InvalidCursorException("cursor is not a valid page cursor (unknown format)");
    }
    if (!expected.name().equals(parts[1])) {
      throw new InvalidCursorException(
          "cursor was made for another query ("
              + parts[1].toLowerCase()
              + "), not for "
              + expected.name().toLowerCase());
    }
    try {
      return new Keyset(
          Instant.ofEpochMilli(Long.parseLong(parts[2])),
          Long.parseLong(parts[3]),
          Long.parseLong(parts[4]),
          parts[5]);
    } catch (NumberFormatException e) {
      throw new InvalidCursorException("cursor is not a valid page cursor (bad position)", e);
    }
  }
}
