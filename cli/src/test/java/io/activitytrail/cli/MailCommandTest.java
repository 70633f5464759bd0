package io.activitytrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.activitytrail.stack.StackConfig;
import io.activitytrail.stack.StackPorts;
import io.activitytrail.stack.mail.HostPort;
import io.activitytrail.stack.mail.MailboxReader;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** trail mail against GreenMail in-process, configured like the stack's (any address a login). */
class MailCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static GreenMail greenMail;
  private static MailboxReader reader;

  private final StringWriter err = new StringWriter();
  private String out = "";

  @BeforeAll
  static void start() throws Exception {
    greenMail =
        new GreenMail(
                new ServerSetup[] {
                  new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                  new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
                })
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    greenMail.start();
    // the directory GreenMail's HTTP API serves, read from the same user manager
    reader =
        new MailboxReader(
            new HostPort("127.0.0.1", greenMail.getImap().getPort()),
            () ->
                greenMail.getUserManager().listUser().stream()
                    .map(GreenMailUser::getEmail)
                    .sorted()
                    .toList());
    send("ada@acme.test", "Ticket #14 assigned to you");
    send("bob@acme.test", "Ticket #15: status changed");
    send("ada@acme.test", "3 changes on ticket #14");
  }

  @AfterAll
  static void stop() {
    greenMail.stop();
  }

  private static void send(String to, String subject) throws Exception {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
    MimeMessage message = new MimeMessage(Session.getInstance(properties));
    message.setFrom(new InternetAddress("notifications@trail.test", "Activity Trail"));
    message.setRecipients(Message.RecipientType.TO, to);
    message.setSubject(subject);
    message.setHeader("X-Trail-Notification-Id", "n-" + subject.hashCode());
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(subject + "\n", "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText("<p>" + subject + "</p>", "UTF-8", "html");
    alternative.addBodyPart(plain);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    Transport.send(message);
  }

  private int run(Supplier<MailboxReader> server, String... args) {
    CommandLine cli = new CommandLine(new MailCommand(server));
    cli.setExecutionExceptionHandler(new Failures());
    cli.setErr(new PrintWriter(err, true));
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      return cli.execute(args);
    } finally {
      System.setOut(original);
      out = buffer.toString(StandardCharsets.UTF_8);
    }
  }

  private int run(String... args) {
    return run(() -> reader, args);
  }

  @Test
  @DisplayName("the table lists every delivery newest first: time, mailbox, sender, subject")
  void table() {
    assertThat(run()).isEqualTo(0);

    List<String> lines = out.lines().toList();
    assertThat(lines.get(0)).matches("TIME \\(UTC\\)\\s+TO\\s+FROM\\s+SUBJECT");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1))
        .matches(
            "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  ada@acme.test  Activity Trail"
                + " <notifications@trail.test>  3 changes on ticket #14");
    assertThat(String.join("\n", lines))
        .contains("bob@acme.test")
        .contains("Ticket #14 assigned to you");
  }

  @Test
  @DisplayName("--to lists one mailbox, whatever the address's case; --limit keeps the newest")
  void oneMailbox() {
    assertThat(run("--to", "ADA@acme.test", "--limit", "1")).isEqualTo(0);

    assertThat(out.lines().toList())
        .hasSize(2)
        .last()
        .asString()
        .endsWith("3 changes on ticket #14");
  }

  @Test
  @DisplayName("--json gives each message's ids, addresses, headers and both bodies")
  void json() throws Exception {
    assertThat(run("--to", "bob@acme.test", "--json")).isEqualTo(0);

    JsonNode mails = JSON.readTree(out);
    assertThat(mails).hasSize(1);
    JsonNode mail = mails.get(0);
    assertThat(mail.path("mailbox").asText()).isEqualTo("bob@acme.test");
    assertThat(mail.path("subject").asText()).isEqualTo("Ticket #15: status changed");
    assertThat(mail.path("message_id").asText()).startsWith("<").endsWith(">");
    assertThat(mail.path("from").get(0).path("address").asText())
        .isEqualTo("notifications@trail.test");
    assertThat(mail.path("to").get(0).path("address").asText()).isEqualTo("bob@acme.test");
    assertThat(mail.path("headers").path("X-Trail-Notification-Id").get(0).asText())
        .isEqualTo("n-" + "Ticket #15: status changed".hashCode());
    assertThat(mail.path("text").asText()).isEqualTo("Ticket #15: status changed\n");
    assertThat(mail.path("html").asText()).isEqualTo("<p>Ticket #15: status changed</p>");
    assertThat(mail.path("received_at").asText()).endsWith("Z");
  }

  @Test
  @DisplayName("an address that received nothing says so and exits 0")
  void nothingDelivered() {
    assertThat(run("--to", "nobody@acme.test")).isEqualTo(0);
    assertThat(out).isEqualTo("(no mail delivered to nobody@acme.test)\n");
    assertThat(run("--to", "nobody@acme.test", "--json")).isEqualTo(0);
    assertThat(out.strip()).isEqualTo("[ ]");
  }

  @Test
  @DisplayName("--limit outside 1-10000 is a usage error")
  void limit() {
    assertThat(run("--limit", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--limit must be between 1 and 10000");
  }

  @Test
  @DisplayName(
      "without a running stack: exit 1, saying the mail server is not running and how to start it")
  void stackNotRunning(@TempDir Path home) {
    StackConfig config = new StackConfig(home, home, StackPorts.defaults());

    assertThat(run(() -> MailCommand.localStack(config))).isEqualTo(1);

    assertThat(err.toString())
        .contains("trail mail failed: mail: the local stack's mail server is not running")
        .contains("start it with trail up");
  }

  @Test
  @DisplayName("a mail server that does not answer: exit 1 naming the IMAP server")
  void serverGone() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    MailboxReader gone =
        new MailboxReader(new HostPort("127.0.0.1", closed), () -> List.of("ada@acme.test"));

    assertThat(run(() -> gone)).isEqualTo(1);

    assertThat(err.toString()).contains("trail mail failed").contains("127.0.0.1:" + closed);
  }
}
