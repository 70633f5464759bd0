package io.activitytrail.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activitytrail.stack.mail.DeliveredMail;
import io.activitytrail.stack.mail.MailboxReader;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack's mail piece as {@code trail up} runs it: GreenMail standalone from infra/runtime/mail,
 * its own JVM, on free loopback ports in a home of the test's own.
 */
class MailServiceTest {

  private static final Path REPO = Path.of(System.getProperty("user.dir")).resolve("..");

  @TempDir Path home;
  private StackConfig config;
  private ProcessControl control;

  @BeforeEach
  void configure() throws IOException {
    config = new StackConfig(REPO, home, freePorts());
    control = new ProcessControl(config);
  }

  @AfterEach
  void stop() throws Exception {
    control.stop(ServiceId.MAIL, "KILL");
  }

  private void startMail() throws Exception {
    MailService mail = new MailService(config);
    mail.prepare(Deadline.after(Duration.ofSeconds(5)));
    long started = System.nanoTime();
    long pid = control.startDetached(ServiceId.MAIL, mail.command(), mail.environment());
    Deadline.after(Duration.ofSeconds(60)).await("mail ready", mail::isReady);
    // Measured, not asserted: the README's figures come from runs like this one.
    System.out.printf(
        "mail ready in %.2f s, RSS %s%n", (System.nanoTime() - started) / 1e9, rss(pid));
  }

  @Test
  @DisplayName(
      "the mail piece accepts SMTP and serves any mailbox over IMAP with the address as login")
  void deliversAndServes() throws Exception {
    startMail();
    send("ada@acme.test", "Ticket #14 assigned to you");

    MailboxReader reader = MailboxReader.forLocalStack(config.imap(), config.mailApiUrl());
    List<DeliveredMail> inbox = reader.messages("ada@acme.test");

    assertThat(inbox)
        .extracting(DeliveredMail::subject)
        .containsExactly("Ticket #14 assigned to you");
    // a one-part body reads back without its final line break, as GreenMail stores it
    assertThat(inbox.get(0).text()).isEqualTo("Ticket #14 assigned to you");
    assertThat(reader.addresses()).containsExactly("ada@acme.test");
    assertThat(Files.readString(config.logFile(ServiceId.MAIL))).contains("GreenMail");
  }

  @Test
  @DisplayName("a mailbox opened over IMAP before any delivery receives the mail sent to it later")
  void loginBeforeDelivery() throws Exception {
    startMail();
    Session session = Session.getInstance(new Properties());
    try (Store store = session.getStore("imap")) {
      store.connect(config.imap().host(), config.imap().port(), "bob@acme.test", "bob@acme.test");
    }

    send("bob@acme.test", "after login");

    MailboxReader reader = MailboxReader.forLocalStack(config.imap(), config.mailApiUrl());
    assertThat(reader.messages("bob@acme.test"))
        .extracting(DeliveredMail::subject)
        .containsExactly("after login");
    assertThat(reader.addresses()).containsExactly("bob@acme.test");
  }

  @Test
  @DisplayName("status shows the running mail piece with its endpoints, and down stops it")
  void statusAndDown() throws Exception {
    startMail();
    LocalStack stack = LocalStack.create(config);

    ServiceStatus mail = stack.status().service(ServiceId.MAIL);
    assertThat(mail.running()).isTrue();
    assertThat(mail.endpoint())
        .isEqualTo(
            "smtp://127.0.0.1:"
                + config.ports().smtp()
                + " imap://127.0.0.1:"
                + config.ports().imap());
    Map<String, Object> json = stack.status().toJson();
    assertThat(json.get("smtp"))
        .isEqualTo(Map.of("host", "127.0.0.1", "port", config.ports().smtp()));
    assertThat(json.get("imap"))
        .isEqualTo(Map.of("host", "127.0.0.1", "port", config.ports().imap()));

    stack.down();

    assertThat(stack.status().service(ServiceId.MAIL).running()).isFalse();
    assertThat(PortCheck.isFree(config.ports().smtp())).isTrue();
  }

  @Test
  @DisplayName("up refuses an SMTP port held by another process, naming the piece and the port")
  void portTaken() throws Exception {
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.ports().smtp()));

      assertThatThrownBy(() -> LocalStack.create(config).up(Duration.ofSeconds(30)))
          .isInstanceOf(StackException.class)
          .hasMessageContaining("mail: port " + config.ports().smtp() + " (smtp)")
          .hasMessageContaining("in use by another process");
    }
    // refused before anything started
    for (ServiceId id : ServiceId.values()) {
      assertThat(control.runningPid(id)).as(id.key()).isEmpty();
    }
  }

  @Test
  @DisplayName("a missing runtime folder is an error saying to run scripts/setup")
  void missingRuntime() {
    StackConfig elsewhere = new StackConfig(home, home, config.ports());

    assertThatThrownBy(() -> new MailService(elsewhere).prepare(Deadline.after(Duration.ZERO)))
        .isInstanceOf(StackException.class)
        .hasMessageContaining("greenmail-standalone.jar is missing: run scripts/setup");
  }

  private void send(String to, String subject) throws Exception {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", config.smtp().host());
    properties.put("mail.smtp.port", Integer.toString(config.smtp().port()));
    MimeMessage message = new MimeMessage(Session.getInstance(properties));
    message.setFrom(new InternetAddress("notifications@trail.test"));
    message.setRecipients(Message.RecipientType.TO, to);
    message.setSubject(subject);
    message.setText(subject + "\n");
    Transport.send(message);
  }

  private static String rss(long pid) throws IOException {
    return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
        .filter(l -> l.startsWith("VmRSS"))
        .map(l -> l.replaceAll("\\s+", " "))
        .findFirst()
        .orElse("?");
  }

  /** Eleven distinct free ports, held together while chosen so none repeats. */
  private static StackPorts freePorts() throws IOException {
    List<ServerSocket> held = new ArrayList<>();
    try {
      int[] ports = new int[12];
      for (int i = 0; i < ports.length; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return new StackPorts(
          ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8],
          ports[9], ports[10], ports[11]);
    } finally {
      for (ServerSocket socket : held) {
        socket.close();
      }
    }
  }
}
