package io.activitytrail.notifications.email;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Notification;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The email of one {@code alert_fired} event: the rule, its severity, the group (who, which ip),
 * the count and window, the first matching events as one line each, and a link to the audit log
 * filtered to them. Everything comes from the event's details, as the audit log shows them.
 */
final class AlertEmailRenderer {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final EmailLinks links;
  private final Mustache text;
  private final Mustache html;

  AlertEmailRenderer(EmailLinks links, MustacheFactory plainText, MustacheFactory escaped) {
    this.links = links;
    this.text = plainText.compile("email/alert.txt.mustache");
    this.html = escaped.compile("email/alert.html.mustache");
  }

  static boolean isAlert(List<Notification> batch) {
    return batch.size() == 1 && EmailBatching.isAlert(batch.get(0));
  }

  EmailMessage render(Notification notification) {
    ActivityEvent alert = notification.getActivity();
    Map<String, String> d = alert.getDetails();
    String window = duration(Long.parseLong(d.getOrDefault("window_seconds", "0")));
    String count =
        d.get("count")
            + (d.containsKey("distinct") ? " distinct " + d.get("distinct") + "s" : " events");
    String group = group(d.get("group_by"), d.get("group_key"));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("workspace", alert.getWorkspaceId());
    model.put("rule", d.get("rule_name"));
    model.put("severity", d.get("severity"));
    model.put(
        "condition",
        count + " within " + window + " (the rule's threshold: " + d.get("threshold") + ")");
    model.put("group", group);
    model.put("from", when(d.get("window_start")));
    model.put("to", WHEN.format(alert.getOccurredAt()));
    List<String> events =
        d.getOrDefault("events", "").isEmpty()
            ? List.of()
            : Arrays.asList(d.get("events").split("\n"));
    model.put("events", events);
    model.put("hasEvents", !events.isEmpty());
    model.put("auditLink", links.audit(alert.getWorkspaceId(), auditFilter(alert)));
    model.put("alertId", alert.getEventId());
    model.put("quietUntil", when(d.get("quiet_until")) + " UTC");

    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Trail-Notification-Id", notification.getNotificationId());
    headers.put("X-Trail-Alert-Id", alert.getEventId());
    headers.put("X-Trail-Alert-Rule", d.get("rule_id"));
    String subject =
        "["
            + alert.getWorkspaceId()
            + "] Alert "
            + d.get("severity")
            + ": "
            + d.get("rule_name")
            + ", "
            + group
            + ": "
            + count
            + " in "
            + window;
    return new EmailMessage(
        EmailRenderer.messageId(List.of(notification.getNotificationId())),
        notification.getRecipientEmail(),
        subject,
        execute(text, model),
        execute(html, model),
        headers,
        List.of(notification.getNotificationId()));
  }

  /** The API's audit parameters that select the alert's group over its window. */
  private static Map<String, String> auditFilter(ActivityEvent alert) {
    Map<String, String> d = alert.getDetails();
    Map<String, String> query = new LinkedHashMap<>();
    String key = d.get("group_key");
    switch (d.getOrDefault("group_by", "none")) {
      case "actor" -> query.put("actor", key);
      case "ip" -> query.put("ip", key);
      default -> {}
    }
    query.put("from", d.get("window_start"));
    query.put("to", alert.getOccurredAt().plusMillis(1).toString());
    return query;
  }

  private static String group(String groupBy, String key) {
    return switch (groupBy == null ? "none" : groupBy) {
      case "none" -> "the whole workspace";
      default -> groupBy + " " + key;
    };
  }

  private static String when(String instant) {
    return instant == null ? "-" : WHEN.format(Instant.parse(instant));
  }

  static String duration(long seconds) {
    Duration d = Duration.ofSeconds(seconds);
    if (seconds % 3600 == 0 && seconds >= 3600) {
      return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
    }
    if (seconds % 60 == 0 && seconds >= 60) {
      return d.toMinutes() + " min";
    }
    return seconds + " s";
  }

  private static String execute(Mustache template, Map<String, Object> model) {
    StringWriter out = new StringWriter();
    template.execute(out, model);
    return out.toString();
  }
}
