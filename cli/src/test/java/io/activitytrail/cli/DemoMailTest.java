package io.activitytrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.stack.mail.DeliveredMail;
import io.activitytrail.stack.mail.MailAddress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The notification email trail demo shows")
class DemoMailTest {

  private static DeliveredMail mail(String mailbox, String subject, String text) {
    return new DeliveredMail(
        mailbox,
        Instant.parse("2026-12-04T10:15:30Z"),
        null,
        "<1@activity-trail>",
        List.of(new MailAddress("Activity Trail", "trail@localhost")),
        List.of(new MailAddress(null, mailbox)),
        List.of(),
        subject,
        List.of(),
        text,
        null);
  }

  @Test
  @DisplayName("is the newest about a single record, passing over digests across records")
  void picksNewestSingleRecord() {
    DeliveredMail digest = mail("ada@acme.test", "[acme] 7 changes on 3 records", "...");
    DeliveredMail single =
        mail("ben@acme.test", "[acme] Ticket #4 Printer jam: assigned by Ada Park", "Ada ...");
    DeliveredMail older =
        mail("ben@acme.test", "[acme] Ticket #2 Login fails: comment added by Ada Park", "...");
    assertThat(DemoMail.pick(List.of(digest, single, older))).contains(single);
  }

  @Test
  @DisplayName("is the newest of all when every one is a digest or has no plain text")
  void fallsBackToNewest() {
    DeliveredMail digest = mail("ada@acme.test", "[acme] 7 changes on 3 records", "...");
    DeliveredMail htmlOnly = mail("ben@acme.test", "[acme] Ticket #4: assigned by Ada", null);
    assertThat(DemoMail.pick(List.of(digest, htmlOnly))).contains(digest);
    assertThat(DemoMail.pick(List.of())).isEmpty();
  }

  @Test
  @DisplayName("is counted with the mailboxes it went to, in words that fit one or many")
  void summary() {
    DeliveredMail a = mail("ada@acme.test", "s", "t");
    DeliveredMail b = mail("ben@acme.test", "s", "t");
    assertThat(DemoMail.summary(List.of(a)))
        .isEqualTo("1 notification email delivered to 1 mailbox");
    assertThat(DemoMail.summary(List.of(a, b, a)))
        .isEqualTo("3 notification emails delivered to 2 mailboxes");
  }

  @Test
  @DisplayName("prints subject, sender, addressee, arrival and the plain body, cut when long")
  void printsHeadersAndBody() {
    String body =
        IntStream.rangeClosed(1, 12).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DemoMail.print(
        mail("ben@acme.test", "[acme] Ticket #4 Printer jam: assigned by Ada Park", body),
        new PrintStream(bytes, true, StandardCharsets.UTF_8),
        10);
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
        .startsWith(
            "Subject:  [acme] Ticket #4 Printer jam: assigned by Ada Park",
            "From:     Activity Trail <trail@localhost>",
            "To:       ben@acme.test",
            "Received: 2026-12-04 10:15:30 UTC",
            "",
            "  line 1")
        .contains("  line 10")
        .doesNotContain("  line 11")
        .endsWith("  ... 2 more lines (./trail mail --to ben@acme.test --json)");
  }
}
