package io.activitytrail.stack.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;

/**
 * GreenMail in-process, configured like the local stack's (authentication disabled, mailboxes made
 * on delivery), on free loopback ports; mail goes in over real SMTP with Jakarta Mail.
 */
final class TestMailServer implements AutoCloseable {

  private final GreenMail greenMail;

  private TestMailServer(GreenMail greenMail) {
    this.greenMail = greenMail;
  }

  static TestMailServer start() {
    GreenMail greenMail =
        new GreenMail(
                new ServerSetup[] {
                  new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                  new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
                })
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    greenMail.start();
    return new TestMailServer(greenMail);
  }

  HostPort imap() {
    return new HostPort("127.0.0.1", greenMail.getImap().getPort());
  }

  HostPort smtp() {
    return new HostPort("127.0.0.1", greenMail.getSmtp().getPort());
  }

  /** What GreenMail's HTTP API lists, read from the same user manager. */
  MailboxDirectory directory() {
    return () ->
        greenMail.getUserManager().listUser().stream()
            .map(GreenMailUser::getEmail)
            .sorted()
            .toList();
  }

  MailboxReader reader() {
    return new MailboxReader(imap(), directory());
  }

  /** A session whose Transport sends to this server's SMTP port. */
  Session session() {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", smtp().host());
    properties.put("mail.smtp.port", Integer.toString(smtp().port()));
    return Session.getInstance(properties);
  }

  void send(MimeMessage message) throws Exception {
    message.saveChanges();
    Transport.send(message);
  }

  /** Sends to every address given as an envelope recipient, whatever the headers say. */
  void send(MimeMessage message, List<String> envelope) throws Exception {
    message.saveChanges();
    Transport.send(
        message,
        envelope.stream()
            .map(
                a -> {
                  try {
                    return new jakarta.mail.internet.InternetAddress(a);
                  } catch (jakarta.mail.internet.AddressException e) {
                    throw new IllegalArgumentException(e);
                  }
                })
            .toArray(jakarta.mail.Address[]::new));
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
