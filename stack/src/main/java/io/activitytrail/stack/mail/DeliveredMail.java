package io.activitytrail.stack.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One message as a mailbox holds it.
 *
 * @param mailbox the address whose mailbox holds this copy (a message to two people is delivered
 *     twice, once in each mailbox; a Bcc recipient is in no header)
 * @param receivedAt when the server stored it (IMAP INTERNALDATE, whole seconds)
 * @param sentAt the Date header, or null without one
 * @param messageId the Message-ID header, angle brackets included, or null without one
 * @param subject decoded, or null without one
 * @param headers every header in the order of the message
 * @param text the first text/plain part that is not an attachment, or null; lines end in \n
 * @param html the first text/html part that is not an attachment, or null; lines end in \n
 */
public record DeliveredMail(
    String mailbox,
    Instant receivedAt,
    Instant sentAt,
    String messageId,
    List<MailAddress> from,
    List<MailAddress> to,
    List<MailAddress> cc,
    String subject,
    List<MailHeader> headers,
    String text,
    String html) {

  public DeliveredMail {
    from = List.copyOf(from);
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    headers = List.copyOf(headers);
  }

  /** The first value of a header, its name compared case-insensitively. */
  public Optional<String> header(String name) {
    return headers(name).stream().findFirst();
  }

  /** Every value of a header in message order, its name compared case-insensitively. */
  public List<String> headers(String name) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(MailHeader::value)
        .toList();
  }

  /** The shape {@code trail mail --json} prints for one message. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("mailbox", mailbox);
    json.put("received_at", receivedAt == null ? null : receivedAt.toString());
    json.put("date", sentAt == null ? null : sentAt.toString());
    json.put("message_id", messageId);
    json.put("from", addresses(from));
    json.put("to", addresses(to));
    json.put("cc", addresses(cc));
    json.put("subject", subject);
    // Name -> values, in the order names first appear: a header may repeat (Received).
    Map<String, List<String>> byName = new LinkedHashMap<>();
    Map<String, String> spelling = new LinkedHashMap<>();
    for (MailHeader h : headers) {
      String key = spelling.computeIfAbsent(h.name().toLowerCase(Locale.ROOT), k -> h.name());
      byName.computeIfAbsent(key, k -> new ArrayList<>()).add(h.value());
    }
    json.put("headers", byName);
    json.put("text", text);
    json.put("html", html);
    return json;
  }

  private static List<Map<String, Object>> addresses(List<MailAddress> list) {
    return list.stream().map(MailAddress::toJson).toList();
  }
}
