package io.activitytrail.stack.mail;

import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/** Turns a fetched message into a {@link DeliveredMail}. */
final class MimeReading {

  private static final Pattern FOLD = Pattern.compile("\\r?\\n[ \\t]+");
  private static final Pattern CRLF = Pattern.compile("\\r\\n");

  private MimeReading() {}

  /** SMTP carries CRLF line ends; readers compare and print text with \n. */
  private static String lines(Object content) {
    return CRLF.matcher(content.toString()).replaceAll("\n");
  }

  /**
   * @param receivedAt the server's arrival time, which a copy of the message no longer carries
   */
  static DeliveredMail read(String mailbox, Date receivedAt, MimeMessage message)
      throws MessagingException, IOException {
    Bodies bodies = new Bodies();
    bodies.collect(message);
    return new DeliveredMail(
        mailbox,
        instant(receivedAt),
        instant(message.getSentDate()),
        message.getMessageID(),
        MailAddress.of(message.getFrom()),
        MailAddress.of(message.getRecipients(Message.RecipientType.TO)),
        MailAddress.of(message.getRecipients(Message.RecipientType.CC)),
        message.getSubject(),
        headers(message),
        bodies.text,
        bodies.html);
  }

  private static List<MailHeader> headers(MimeMessage message) throws MessagingException {
    List<MailHeader> headers = new ArrayList<>();
    Enumeration<Header> all = message.getAllHeaders();
    while (all.hasMoreElements()) {
      Header h = all.nextElement();
      // A folded line's break and the indentation after it read as one space.
      String value = FOLD.matcher(h.getValue()).replaceAll(" ").strip();
      headers.add(new MailHeader(h.getName(), value));
    }
    return headers;
  }

  private static java.time.Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /** The first plain and the first HTML body, walking nested multiparts depth-first. */
  private static final class Bodies {
    String text;
    String html;

    void collect(Part part) throws MessagingException, IOException {
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        return;
      }
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          collect(multipart.getBodyPart(i));
        }
      } else if (part.isMimeType("text/plain") && text == null) {
        text = lines(part.getContent());
      } else if (part.isMimeType("text/html") && html == null) {
        html = lines(part.getContent());
      }
    }
  }
}
