package io.activitytrail.notifications.email;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends through an SMTP server with Jakarta Mail (Eclipse Angus): multipart/alternative with the
 * plain text and the HTML, the notifier's Message-ID kept as is, and the extra headers.
 */
public final class SmtpMailer implements Mailer {

  private final SmtpSettings settings;
  private final Session session;

  public SmtpMailer(SmtpSettings settings) {
    this.settings = settings;
    Properties props = new Properties();
    String protocol = settings.tls() == SmtpSettings.Tls.ssl ? "smtps" : "smtp";
    props.put("mail.transport.protocol", protocol);
    props.put("mail." + protocol + ".host", settings.host());
    props.put("mail." + protocol + ".port", Integer.toString(settings.port()));
    props.put("mail." + protocol + ".connectiontimeout", "10000");
    props.put("mail." + protocol + ".timeout", "30000");
    props.put("mail." + protocol + ".writetimeout", "30000");
    if (settings.tls() == SmtpSettings.Tls.starttls) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    }
    Authenticator auth = null;
    if (settings.user() != null) {
      props.put("mail." + protocol + ".auth", "true");
      auth =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(settings.user(), settings.password());
            }
          };
    }
    this.session = Session.getInstance(props, auth);
  }

  @Override
  public void send(EmailMessage email) throws MailException {
    try {
      MimeMessage message = new FixedIdMessage(session, email.messageId());
      message.setFrom(new InternetAddress(settings.from()));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
      message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
      for (Map.Entry<String, String> header : email.headers().entrySet()) {
        message.setHeader(header.getKey(), header.getValue());
      }
      MimeBodyPart text = new MimeBodyPart();
      text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
      message.setContent(new MimeMultipart("alternative", text, html));
      message.saveChanges();
      Transport.send(message);
    } catch (SendFailedException e) {
      throw new MailException(
          "the mail server refused " + email.messageId() + ": " + e.getMessage(), retriable(e), e);
    } catch (MessagingException e) {
      // connection refused or dropped, timeouts, bad addresses found before sending
      boolean addressError = e instanceof jakarta.mail.internet.AddressException;
      throw new MailException(
          "cannot send " + email.messageId() + " through " + settings + ": " + e.getMessage(),
          !addressError,
          e);
    }
  }

  /** A 4xx reply may pass later; a 5xx reply (unknown mailbox, policy) never will. */
  private static boolean retriable(SendFailedException e) {
    Exception cause = e;
    while (cause != null) {
      if (cause instanceof SMTPSendFailedException smtp) {
        return smtp.getReturnCode() < 500;
      }
      cause = cause instanceof MessagingException m ? m.getNextException() : null;
    }
    return e.getValidSentAddresses() == null && e.getInvalidAddresses() == null;
  }

  /** Keeps the Message-ID the notifier derived; Jakarta Mail would make up its own on save. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
