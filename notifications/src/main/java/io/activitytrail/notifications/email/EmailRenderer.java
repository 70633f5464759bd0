package io.activitytrail.notifications.email;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.Notification;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Renders a batch of one recipient's email notifications (in commit order) as one email: plain text
 * and HTML from the Mustache templates in resources/email, a subject that names the record and what
 * happened, who did it (the rule's name for automations, "unattributed" for direct database
 * changes), exactly what changed with display names, and the links.
 */
public final class EmailRenderer {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final EmailLinks links;
  private final Mustache text;
  private final Mustache html;
  private final AlertEmailRenderer alerts;

  public EmailRenderer(EmailLinks links) {
    this.links = links;
    PlainTextFactory plainText = new PlainTextFactory();
    DefaultMustacheFactory escaped = new DefaultMustacheFactory();
    this.text = plainText.compile("email/email.txt.mustache");
    this.html = escaped.compile("email/email.html.mustache");
    this.alerts = new AlertEmailRenderer(links, plainText, escaped);
  }

  public EmailMessage render(List<Notification> batch) {
    if (batch.isEmpty()) {
      throw new IllegalArgumentException("an email needs at least one notification");
    }
    if (AlertEmailRenderer.isAlert(batch)) {
      return alerts.render(batch.get(0));
    }
    Notification first = batch.get(0);
    Map<String, RecordModel> records = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    for (Notification n : batch) {
      ActivityEvent a = n.getActivity();
      records
          .computeIfAbsent(
              a.getRecordType() + "|" + a.getRecordId(),
              k ->
                  new RecordModel(
                      title(a),
                      links.record(a.getWorkspaceId(), a.getRecordType(), a.getRecordId()),
                      new ArrayList<>()))
          .items()
          .add(item(n));
      ids.add(n.getNotificationId());
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("workspace", first.getWorkspaceId());
    model.put("records", List.copyOf(records.values()));
    String unsubscribe = links.unsubscribe(first.getWorkspaceId(), first.getRecipientId());
    model.put("unsubscribe", unsubscribe);

    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
    headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    headers.put("X-Trail-Notification-Id", String.join(", ", ids));
    return new EmailMessage(
        messageId(ids),
        first.getRecipientEmail(),
        subject(first.getWorkspaceId(), batch, records.size()),
        execute(text, model),
        execute(html, model),
        headers,
        ids);
  }

  /**
   * One notification: its own id. Several: a name-based UUID of their ids, so the same batch gets
   * the same Message-ID.
   */
  static String messageId(List<String> ids) {
    String local =
        ids.size() == 1
            ? ids.get(0)
            : UUID.nameUUIDFromBytes(String.join(",", ids).getBytes(StandardCharsets.UTF_8))
                .toString();
    return "<" + local + "@activity-trail>";
  }

  private static String subject(String workspace, List<Notification> batch, int records) {
    String prefix = "[" + workspace + "] ";
    if (records > 1) {
      return prefix + batch.size() + " changes on " + records + " records";
    }
    ActivityEvent a = batch.get(0).getActivity();
    if (batch.size() > 1) {
      return prefix + title(a) + ": " + batch.size() + " changes";
    }
    return prefix + title(a) + ": " + what(a) + " by " + actor(a.getActor());
  }

  private static ItemModel item(Notification n) {
    ActivityEvent a = n.getActivity();
    List<ChangeModel> changes = new ArrayList<>();
    for (FieldChange c : a.getChanges()) {
      changes.add(
          c.getSensitive()
              ? new ChangeModel(c.getField(), "(hidden)", "(changed)")
              : new ChangeModel(
                  c.getField(),
                  value(c.getOldDisplay(), c.getOld()),
                  value(c.getNewDisplay(), c.getNew$())));
    }
    return new ItemModel(
        WHEN.format(a.getOccurredAt()), what(a), actor(a.getActor()), changes, !changes.isEmpty());
  }

  /** "Ticket #14 Printer jam", or "Ticket 42" when the record has no display name. */
  static String title(ActivityEvent a) {
    String type = a.getRecordType().replace('_', ' ');
    String name = type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1);
    return name + " " + (a.getRecordDisplay() == null ? a.getRecordId() : a.getRecordDisplay());
  }

  /** "status changed", "comment added", ... */
  static String what(ActivityEvent a) {
    return a.getType().replace('_', ' ');
  }

  /**
   * Who did it, as a person reads it: a name, the rule for an automation, and for a change no
   * context named, that it came straight from the database.
   */
  static String actor(Actor actor) {
    String name = actor.getName() != null ? actor.getName() : actor.getId();
    return switch (actor.getType()) {
      case "automation" -> "automation \"" + (name == null ? actor.getRuleId() : name) + "\"";
      case "unattributed" -> "unattributed (a direct database change)";
      case "system" -> "the system";
      case "customer" -> (name == null ? "a customer" : name) + " (customer)";
      case "api_token" -> (name == null ? "an API token" : name) + " (API token)";
      default -> name == null ? actor.getType() : name;
    };
  }

  private static String value(String display, String raw) {
    String v = display != null ? display : raw;
    return v == null ? "-" : v;
  }

  private static String execute(Mustache template, Map<String, Object> model) {
    StringWriter out = new StringWriter();
    template.execute(out, model);
    return out.toString();
  }

  public record RecordModel(String title, String link, List<ItemModel> items) {}

  public record ItemModel(
      String when, String what, String actor, List<ChangeModel> changes, boolean hasChanges) {}

  public record ChangeModel(String field, String old, String new_) {
    // Mustache looks up "new" as a method: records cannot name a component that way.
    public String getNew() {
      return new_;
    }
  }

  /** Mustache for plain text: values are written as they are, not HTML-escaped. */
  private static final class PlainTextFactory extends DefaultMustacheFactory {
    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
