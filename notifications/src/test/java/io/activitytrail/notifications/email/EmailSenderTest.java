package io.activitytrail.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.ClickHouseMigrations;
import io.activitytrail.clickhouse.RetryPolicy;
import io.activitytrail.clickhouse.TestClickHouse;
import io.activitytrail.event.Notification;
import io.activitytrail.notifications.TestActivities;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sender against a real SMTP server (GreenMail, in this JVM) and a real sent log (chDB). */
class EmailSenderTest {

  private static final RetryPolicy THREE_TRIES =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(400));

  private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
  private final List<Long> sleeps = new ArrayList<>();
  private final List<String> deadLettered = new ArrayList<>();
  private ClickHouse ch;
  private String db;

  @BeforeEach
  void start() {
    smtp.start();
    ch = TestClickHouse.open();
    db = TestClickHouse.freshDatabase();
    ClickHouseMigrations.apply(ch, db);
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  private EmailSender sender(int port) {
    return new EmailSender(
        new EmailRenderer(
            new EmailLinks(
                "http://app/{workspace}/{record_type}/{record_id}",
                "http://app/unsub",
                "http://app/{workspace}/audit?{query}")),
        new SmtpMailer(
            new SmtpSettings(
                "127.0.0.1",
                port,
                SmtpSettings.Tls.none,
                null,
                null,
                "Activity Trail <trail@acme.test>")),
        new ClickHouseSentLog(ch, db),
        THREE_TRIES,
        sleeps::add,
        (message, batch, reason) -> deadLettered.add(message.messageId()),
        Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  @DisplayName(
      "an email reaches the mailbox as text and HTML, with its Message-ID and headers, and is"
          + " recorded in the sent log")
  void sends() throws Exception {
    Notification n = TestActivities.email("assigned", "assigned", "42", 1);

    assertThat(sender(smtp.getSmtp().getPort()).send(List.of(n)))
        .isEqualTo(EmailSender.Outcome.SENT);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getMessageID()).isEqualTo("<" + n.getNotificationId() + "@activity-trail>");
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("bo@acme.test");
    assertThat(mail.getSubject()).startsWith("[acme] Ticket #42 Printer jam: assigned by");
    assertThat(mail.getHeader("X-Trail-Notification-Id")[0]).isEqualTo(n.getNotificationId());
    assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat(new ClickHouseSentLog(ch, db).alreadySent(List.of(n.getNotificationId())))
        .containsExactly(n.getNotificationId());
  }

  @Test
  @DisplayName(
      "a replayed batch sends nothing twice: what the sent log holds is left out, the rest goes")
  void replay() throws Exception {
    Notification a = TestActivities.email("updated", "following", "42", 1);
    Notification b = TestActivities.email("updated", "following", "42", 2);
    EmailSender sender = sender(smtp.getSmtp().getPort());
    sender.send(List.of(a));

    assertThat(sender.send(List.of(a))).isEqualTo(EmailSender.Outcome.ALREADY_SENT);
    assertThat(sender.send(List.of(a, b))).isEqualTo(EmailSender.Outcome.SENT);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[1].getHeader("X-Trail-Notification-Id")[0])
        .isEqualTo(b.getNotificationId());
  }

  @Test
  @DisplayName(
      "a server that cannot be reached is retried with capped backoff, then the email is"
          + " dead-lettered and not marked sent")
  void unreachable() throws Exception {
    int port = smtp.getSmtp().getPort();
    smtp.stop();
    Notification n = TestActivities.email("assigned", "assigned", "42", 1);

    assertThat(sender(port).send(List.of(n))).isEqualTo(EmailSender.Outcome.DEAD_LETTERED);

    assertThat(sleeps).containsExactly(100L, 200L);
    assertThat(deadLettered).containsExactly("<" + n.getNotificationId() + "@activity-trail>");
    assertThat(new ClickHouseSentLog(ch, db).alreadySent(List.of(n.getNotificationId()))).isEmpty();
  }

  @Test
  @DisplayName("an email the server refuses for good is dead-lettered at once, without retries")
  void refusedForGood() throws Exception {
    Mailer refusing =
        message -> {
          throw new MailException("550 no such mailbox", false, null);
        };
    EmailSender sender =
        new EmailSender(
            new EmailRenderer(
                new EmailLinks(
                    "http://app/{record_id}", "http://app/unsub", "http://app/audit?{query}")),
            refusing,
            new ClickHouseSentLog(ch, db),
            THREE_TRIES,
            sleeps::add,
            (message, batch, reason) -> deadLettered.add(reason.getMessage()),
            Clock.systemUTC());

    assertThat(sender.send(List.of(TestActivities.email("updated", "following", "42", 1))))
        .isEqualTo(EmailSender.Outcome.DEAD_LETTERED);
    assertThat(sleeps).isEmpty();
    assertThat(deadLettered).containsExactly("550 no such mailbox");
  }
}
