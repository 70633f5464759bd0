package io.activitytrail.notifications.email;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One email as rendered: where it goes, what it says, and the notifications it carries (the keys of
 * the sent log).
 *
 * @param messageId the Message-ID, angle brackets included; derived from the notification ids
 * @param headers the extra headers: List-Unsubscribe, List-Unsubscribe-Post,
 *     X-Trail-Notification-Id
 */
public record EmailMessage(
    String messageId,
    String to,
    String subject,
    String text,
    String html,
    Map<String, String> headers,
    List<String> notificationIds) {

  public EmailMessage {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    notificationIds = List.copyOf(notificationIds);
  }
}
