package io.activitytrail.notifications.email;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * What was emailed: a notification in it is never emailed again, whatever a restart replays. The
 * one window it cannot close is between the server taking an email and the log recording it
 * (docs/notifications.md).
 */
public interface SentLog extends AutoCloseable {

  /** The ids among {@code notificationIds} already emailed. */
  Set<String> alreadySent(Collection<String> notificationIds);

  /** Records that {@code message} went out with its notifications. */
  void record(EmailMessage message, String workspaceId, String recipientId, Instant sentAt);

  @Override
  default void close() {}
}
