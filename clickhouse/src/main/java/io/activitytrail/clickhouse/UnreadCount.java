package io.activitytrail.clickhouse;

/**
 * How many of a recipient's notifications are unread.
 *
 * @param unread exact when {@code capped} is false; else {@link
 *     NotificationQueries#MAX_UNREAD_COUNT}
 * @param capped there are at least {@link NotificationQueries#MAX_UNREAD_COUNT} unread (a copy
 *     written twice and not merged yet may make that a few too many)
 */
public record UnreadCount(long unread, boolean capped) {}
