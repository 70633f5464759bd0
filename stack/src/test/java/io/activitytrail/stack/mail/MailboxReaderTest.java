package io.activitytrail.stack.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reader against GreenMail in-process, mail sent over SMTP with Jakarta Mail. */
class MailboxReaderTest {

  private TestMailServer server;
  private MailboxReader reader;

  @BeforeEach
  void start() {
    server = TestMailServer.start();
    reader = server.reader();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName(
      "a multipart/alternative message reads back with its ids, addresses, headers and both bodies")
  void alternative() throws Exception {
    server.send(
        Messages.notification(
            server.session(), "ada@acme.test", "Ticket #14 – status changed", "n-1"));

    List<DeliveredMail> inbox = reader.messages("ada@acme.test");

    assertThat(inbox).hasSize(1);
    DeliveredMail mail = inbox.get(0);
    assertThat(mail.mailbox()).isEqualTo("ada@acme.test");
    assertThat(mail.messageId()).isEqualTo("<n-1@trail.test>");
    assertThat(mail.subject()).isEqualTo("Ticket #14 – status changed");
    assertThat(mail.from())
        .containsExactly(new MailAddress("Activity Trail", "notifications@trail.test"));
    assertThat(mail.to()).containsExactly(new MailAddress(null, "ada@acme.test"));
    assertThat(mail.cc()).containsExactly(new MailAddress(null, "watcher@acme.test"));
    assertThat(mail.sentAt()).isEqualTo(Messages.SENT.toInstant());
    assertThat(mail.receivedAt()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
    assertThat(mail.header("x-trail-notification-id")).contains("n-1");
    assertThat(mail.header("List-Unsubscribe-Post")).contains("List-Unsubscribe=One-Click");
    assertThat(mail.header("List-Unsubscribe")).contains("<https://helpdesk.test/unsubscribe/n-1>");
    // encoded words stay as sent in the header list; the subject field is decoded
    assertThat(mail.header("Subject").orElseThrow()).startsWith("=?UTF-8?");
    assertThat(mail.text()).isEqualTo("status: new -> open\n");
    assertThat(mail.html()).isEqualTo("<p>status: <b>new</b> &rarr; <b>open</b></p>");
  }

  @Test
  @DisplayName(
      "nested multiparts give the first plain and HTML bodies; an attached text file is no body")
  void nested() throws Exception {
    server.send(Messages.digest(server.session(), "ada@acme.test"));

    DeliveredMail mail = reader.messages("ada@acme.test").get(0);

    assertThat(mail.text()).isEqualTo("- ticket 18\n");
    assertThat(mail.html()).isEqualTo("<ul><li>ticket 18</li></ul>");
    assertThat(mail.header("Content-Type").orElseThrow()).startsWith("multipart/mixed");
  }

  @Test
  @DisplayName("a mailbox lists newest first, and a limit keeps the newest")
  void newestFirst() throws Exception {
    for (int i = 1; i <= 4; i++) {
      server.send(Messages.plain(server.session(), "ada@acme.test", "change " + i));
    }

    assertThat(reader.messages("ada@acme.test"))
        .extracting(DeliveredMail::subject)
        .containsExactly("change 4", "change 3", "change 2", "change 1");
    assertThat(reader.messages("ada@acme.test", 2))
        .extracting(DeliveredMail::subject)
        .containsExactly("change 4", "change 3");
  }

  @Test
  @DisplayName(
      "one message to two people is in each mailbox; all() merges every mailbox newest first")
  void everyMailbox() throws Exception {
    server.send(Messages.plain(server.session(), "ada@acme.test", "first"));
    server.send(
        Messages.plain(server.session(), "ada@acme.test", "second"),
        List.of("ada@acme.test", "bob@acme.test"));
    server.send(Messages.plain(server.session(), "carol@acme.test", "third"));

    assertThat(reader.addresses())
        .containsExactly("ada@acme.test", "bob@acme.test", "carol@acme.test");
    List<DeliveredMail> all = reader.all(100);
    assertThat(all).hasSize(4);
    assertThat(all).isSortedAccordingTo((a, b) -> b.receivedAt().compareTo(a.receivedAt()));
    assertThat(all)
        .filteredOn(m -> m.subject().equals("second"))
        .extracting(DeliveredMail::mailbox)
        .containsExactlyInAnyOrder("ada@acme.test", "bob@acme.test");
    // bob is in no header: only the mailbox says it reached him
    assertThat(reader.messages("bob@acme.test").get(0).to())
        .extracting(MailAddress::address)
        .containsExactly("ada@acme.test");
    assertThat(reader.all(1)).hasSize(1);
  }

  @Test
  @DisplayName("an address without a mailbox has no messages, and reading it creates no mailbox")
  void unknownAddress() throws Exception {
    server.send(Messages.plain(server.session(), "ada@acme.test", "hello"));

    assertThat(reader.messages("nobody@acme.test")).isEmpty();
    assertThat(reader.addresses()).containsExactly("ada@acme.test");
  }

  @Test
  @DisplayName("addresses compare case-insensitively")
  void caseInsensitive() throws Exception {
    server.send(Messages.plain(server.session(), "ada@acme.test", "hello"));

    assertThat(reader.messages("Ada@ACME.test"))
        .extracting(DeliveredMail::subject)
        .containsExactly("hello");
  }

  @Test
  @DisplayName("awaitMessages returns as soon as the mailbox holds enough messages")
  void awaitsDelivery() throws Exception {
    CompletableFuture<Void> sending =
        CompletableFuture.runAsync(
            () -> {
              try {
                server.send(Messages.plain(server.session(), "ada@acme.test", "late"));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    List<DeliveredMail> inbox = reader.awaitMessages("ada@acme.test", 1, Duration.ofSeconds(30));

    assertThat(inbox).extracting(DeliveredMail::subject).containsExactly("late");
    sending.join();
  }

  @Test
  @DisplayName("awaitMessages that times out says how many it expected and which it found")
  void awaitTimesOut() throws Exception {
    server.send(Messages.plain(server.session(), "ada@acme.test", "only one"));

    assertThatThrownBy(() -> reader.awaitMessages("ada@acme.test", 2, Duration.ofMillis(300)))
        .isInstanceOf(MailboxException.class)
        .hasMessageContaining("at least 2 message(s) for ada@acme.test")
        .hasMessageContaining("found 1 ('only one')");
  }

  @Test
  @DisplayName("an IMAP server that does not answer is an error naming the server and the address")
  void noServer() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    MailboxReader offline =
        new MailboxReader(new HostPort("127.0.0.1", closed), () -> List.of("ada@acme.test"));

    assertThatThrownBy(() -> offline.messages("ada@acme.test"))
        .isInstanceOf(MailboxException.class)
        .hasMessageContaining("ada@acme.test")
        .hasMessageContaining("127.0.0.1:" + closed);
  }

  @Test
  @DisplayName("the JSON of a message carries headers by name and both bodies")
  void json() throws Exception {
    server.send(Messages.notification(server.session(), "ada@acme.test", "Assigned", "n-2"));

    var json = reader.messages("ada@acme.test").get(0).toJson();

    assertThat(json)
        .containsEntry("mailbox", "ada@acme.test")
        .containsEntry("message_id", "<n-2@trail.test>")
        .containsEntry("subject", "Assigned")
        .containsEntry("date", "2026-11-25T20:23:32Z")
        .containsEntry("text", "status: new -> open\n")
        .containsKeys("received_at", "html", "from", "to", "cc");
    assertThat(json.get("headers"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("X-Trail-Notification-Id", List.of("n-2"));
  }

  private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
    return new org.assertj.core.data.TemporalUnitWithinOffset(
        duration.toSeconds(), java.time.temporal.ChronoUnit.SECONDS);
  }
}
