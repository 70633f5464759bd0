package io.activitytrail.stack.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Named messages shaped like the engine's notification email. */
final class Messages {

  static final Date SENT = Date.from(java.time.Instant.parse("2026-11-25T20:23:32Z"));

  private Messages() {}

  /** Jakarta Mail replaces Message-ID in saveChanges(): this keeps the one given. */
  static final class WithId extends MimeMessage {
    private final String id;

    WithId(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }

  /** multipart/alternative: plain text and HTML, a display-name sender, Cc and trail headers. */
  static MimeMessage notification(Session session, String to, String subject, String id)
      throws MessagingException, java.io.UnsupportedEncodingException {
    MimeMessage message = new WithId(session, "<" + id + "@trail.test>");
    message.setFrom(new InternetAddress("notifications@trail.test", "Activity Trail", "UTF-8"));
    message.setRecipients(Message.RecipientType.TO, to);
    message.setRecipients(Message.RecipientType.CC, "watcher@acme.test");
    message.setSubject(subject, "UTF-8");
    message.setSentDate(SENT);
    message.setHeader("X-Trail-Notification-Id", id);
    message.setHeader("List-Unsubscribe", "<https://helpdesk.test/unsubscribe/" + id + ">");
    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text("status: new -> open\n", "plain"));
    alternative.addBodyPart(text("<p>status: <b>new</b> &rarr; <b>open</b></p>", "html"));
    message.setContent(alternative);
    return message;
  }

  /**
   * multipart/mixed holding an attached text file first, then multipart/related around the HTML and
   * an alternative with the plain body: the attachment is no body.
   */
  static MimeMessage digest(Session session, String to) throws MessagingException {
    MimeMessage message = new WithId(session, "<digest@trail.test>");
    message.setFrom(new InternetAddress("notifications@trail.test"));
    message.setRecipients(Message.RecipientType.TO, to);
    message.setSubject("12 changes in acme");
    MimeBodyPart attachment = text("ticket,change\n18,status\n", "plain");
    attachment.setFileName("changes.csv");
    attachment.setDisposition(MimeBodyPart.ATTACHMENT);
    MimeMultipart related = new MimeMultipart("related");
    related.addBodyPart(text("<ul><li>ticket 18</li></ul>", "html"));
    MimeBodyPart relatedPart = new MimeBodyPart();
    relatedPart.setContent(related);
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text("- ticket 18\n", "plain"));
    alternative.addBodyPart(relatedPart);
    MimeBodyPart alternativePart = new MimeBodyPart();
    alternativePart.setContent(alternative);
    MimeMultipart mixed = new MimeMultipart("mixed");
    mixed.addBodyPart(attachment);
    mixed.addBodyPart(alternativePart);
    message.setContent(mixed);
    return message;
  }

  static MimeMessage plain(Session session, String to, String subject) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress("notifications@trail.test"));
    message.setRecipients(Message.RecipientType.TO, to);
    message.setSubject(subject);
    message.setText(subject + "\n", StandardCharsets.UTF_8.name());
    return message;
  }

  private static MimeBodyPart text(String body, String subtype) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(body, StandardCharsets.UTF_8.name(), subtype);
    return part;
  }
}
