package io.activitytrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.stack.mail.DeliveredMail;
import io.activitytrail.stack.mail.HostPort;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The stack's mail piece as trail up runs it: real SMTP in, real IMAP out. */
class MailEndToEndTest {

  private E2eStack stack;

  @BeforeEach
  void startStack() {
    stack = E2eStack.shared();
  }

  @Test
  @DisplayName("status --json gives smtp and imap as host and port, and the mail piece runs")
  @SuppressWarnings("unchecked")
  void statusShowsTheMailPorts() {
    Map<String, Object> status = stack.statusJson();

    assertThat(status.get("smtp")).isEqualTo(Map.of("host", "127.0.0.1", "port", 23025));
    assertThat(status.get("imap")).isEqualTo(Map.of("host", "127.0.0.1", "port", 23143));
    Map<String, Object> mail =
        (Map<String, Object>) ((Map<String, Object>) status.get("services")).get("mail");
    assertThat(mail).containsEntry("running", true);
    assertThat(mail.get("pid")).isNotNull();
  }

  @Test
  @DisplayName(
      "a message sent with Jakarta Mail to the stack's SMTP port is read back over IMAP, the"
          + " address as login")
  void sendAndReadBack() throws Exception {
    // an address of this run alone: the stack is shared with other tests
    String to = "e2e-" + System.nanoTime() + "@acme.test";
    send(stack.smtp(), to, "Ticket #14 assigned to you");

    List<DeliveredMail> inbox = stack.mail().awaitMessages(to, 1, Duration.ofSeconds(30));

    assertThat(inbox).hasSize(1);
    DeliveredMail mail = inbox.get(0);
    assertThat(mail.subject()).isEqualTo("Ticket #14 assigned to you");
    assertThat(mail.header("X-Trail-Notification-Id")).contains("e2e-1");
    assertThat(mail.text()).isEqualTo("Ada assigned ticket #14 to you.\n");
    assertThat(mail.html()).isEqualTo("<p>Ada assigned ticket #14 to you.</p>");
    assertThat(stack.mail().addresses()).contains(to);

    // and with a plain IMAP client: user name and password are both the address
    Session session = Session.getInstance(new Properties());
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", 23143, to, to);
      try (Folder inbox2 = store.getFolder("INBOX")) {
        inbox2.open(Folder.READ_ONLY);
        assertThat(inbox2.getMessageCount()).isEqualTo(1);
        assertThat(inbox2.getMessage(1).getSubject()).isEqualTo("Ticket #14 assigned to you");
      }
    }
  }

  private static void send(HostPort smtp, String to, String subject) throws Exception {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", smtp.host());
    properties.put("mail.smtp.port", Integer.toString(smtp.port()));
    MimeMessage message = new MimeMessage(Session.getInstance(properties));
    message.setFrom(new InternetAddress("notifications@trail.test", "Activity Trail"));
    message.setRecipients(Message.RecipientType.TO, to);
    message.setSubject(subject);
    message.setHeader("X-Trail-Notification-Id", "e2e-1");
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText("Ada assigned ticket #14 to you.\n", "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText("<p>Ada assigned ticket #14 to you.</p>", "UTF-8", "html");
    alternative.addBodyPart(plain);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    Transport.send(message);
  }
}
