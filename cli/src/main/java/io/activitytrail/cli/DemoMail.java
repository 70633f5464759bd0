package io.activitytrail.cli;

import io.activitytrail.stack.mail.DeliveredMail;
import io.activitytrail.stack.mail.MailAddress;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** How {@code trail demo} shows the notification email the stack's mail server received. */
final class DemoMail {

  /** A body longer than this is cut: a digest of a busy minute can list dozens of changes. */
  static final int MAX_BODY_LINES = 40;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** The subject of a digest across records (EmailRenderer): "[ws] 12 changes on 5 records". */
  private static final Pattern DIGEST = Pattern.compile(".* \\d+ changes on \\d+ records$");

  private DemoMail() {}

  /**
   * The message to show: the newest one about a single record with a plain-text body (it reads
   * best: who, when, what changed), else the newest one; empty when nothing arrived.
   */
  static Optional<DeliveredMail> pick(List<DeliveredMail> newestFirst) {
    return newestFirst.stream()
        .filter(m -> !isAlert(m))
        .filter(m -> m.text() != null && !m.text().isBlank())
        .filter(m -> m.subject() == null || !DIGEST.matcher(m.subject()).matches())
        .findFirst()
        .or(() -> newestFirst.stream().findFirst());
  }

  /** "17 notification emails delivered to 9 mailboxes". */
  /** The alert emails among {@code all}, in the same order. */
  static List<DeliveredMail> alerts(List<DeliveredMail> all) {
    return all.stream().filter(DemoMail::isAlert).toList();
  }

  static boolean isAlert(DeliveredMail mail) {
    return mail.header("X-Trail-Alert-Id").isPresent();
  }

  /** The workspace an email's subject names: "[acme] ...". */
  static Optional<String> workspaceOf(DeliveredMail mail) {
    String subject = mail.subject();
    if (subject == null || !subject.startsWith("[") || subject.indexOf(']') < 2) {
      return Optional.empty();
    }
    return Optional.of(subject.substring(1, subject.indexOf(']')));
  }

  static String summary(List<DeliveredMail> all) {
    long mailboxes = all.stream().map(DeliveredMail::mailbox).distinct().count();
    return all.size()
        + (all.size() == 1 ? " notification email" : " notification emails")
        + " delivered to "
        + mailboxes
        + (mailboxes == 1 ? " mailbox" : " mailboxes");
  }

  /** Subject, addressees, arrival and the plain-text body, cut at {@code maxLines}. */
  static void print(DeliveredMail mail, PrintStream out, int maxLines) {
    out.println("Subject:  " + (mail.subject() == null ? "(no subject)" : mail.subject()));
    out.println("From:     " + addresses(mail.from()));
    out.println("To:       " + (mail.to().isEmpty() ? mail.mailbox() : addresses(mail.to())));
    if (mail.receivedAt() != null) {
      out.println("Received: " + TIME.format(mail.receivedAt()));
    }
    out.println();
    if (mail.text() == null) {
      out.println("(no plain-text body)");
      return;
    }
    List<String> lines = mail.text().strip().lines().toList();
    lines.stream().limit(maxLines).forEach(line -> out.println("  " + line));
    if (lines.size() > maxLines) {
      out.printf(
          "  ... %d more lines (./trail mail --to %s --json)%n",
          lines.size() - maxLines, mail.mailbox());
    }
  }

  private static String addresses(List<MailAddress> list) {
    return String.join(", ", list.stream().map(MailAddress::toString).toList());
  }
}
