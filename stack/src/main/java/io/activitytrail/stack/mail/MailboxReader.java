package io.activitytrail.stack.mail;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * Reads what a mail server delivered, over IMAP with Jakarta Mail, logging in with the address as
 * both user name and password (the local stack's GreenMail accepts that for every mailbox). Each
 * call opens its own connection: the reader holds no state and is safe to share.
 *
 * <pre>{@code
 * MailboxReader mail = MailboxReader.forLocalStack(config.imap(), config.mailApiUrl());
 * List<DeliveredMail> inbox = mail.awaitMessages("ada@acme.test", 1, Duration.ofSeconds(30));
 * inbox.get(0).header("X-Trail-Notification-Id");
 * }</pre>
 */
public final class MailboxReader {

  private static final int TIMEOUT_MS = 10_000;
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Comparator<DeliveredMail> NEWEST_FIRST =
      Comparator.comparing(
              DeliveredMail::receivedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
          .reversed();

  private final HostPort imap;
  private final MailboxDirectory directory;

  public MailboxReader(HostPort imap, MailboxDirectory directory) {
    this.imap = imap;
    this.directory = directory;
  }

  /** A reader of the local stack's GreenMail: IMAP for messages, its HTTP API for the mailboxes. */
  public static MailboxReader forLocalStack(HostPort imap, String mailApiUrl) {
    return new MailboxReader(imap, new GreenMailApi(mailApiUrl));
  }

  public HostPort imap() {
    return imap;
  }

  /** Every address the server holds a mailbox for, sorted. */
  public List<String> addresses() {
    return directory.addresses();
  }

  /** Every message of one mailbox, newest first; none when the server has no such mailbox. */
  public List<DeliveredMail> messages(String address) {
    return messages(address, Integer.MAX_VALUE);
  }

  /**
   * The newest {@code limit} messages of one mailbox, newest first. An address without a mailbox is
   * not logged in to (which would create an empty one): it simply has no messages.
   */
  public List<DeliveredMail> messages(String address, int limit) {
    checkLimit(limit);
    // Addresses compare case-insensitively, as people type them; the login is the server's
    // spelling.
    return directory.addresses().stream()
        .filter(known -> known.equalsIgnoreCase(address))
        .findFirst()
        .map(known -> read(known, limit))
        .orElse(List.of());
  }

  /**
   * The newest {@code limit} messages across every mailbox, newest first. The server's arrival
   * times have whole seconds: within one second, messages of different mailboxes follow the
   * addresses' order, those of one mailbox its arrival order.
   */
  public List<DeliveredMail> all(int limit) {
    checkLimit(limit);
    List<DeliveredMail> all = new ArrayList<>();
    for (String address : directory.addresses()) {
      all.addAll(read(address, limit));
    }
    // Stable: copies received in the same second keep each mailbox's arrival order.
    all.sort(NEWEST_FIRST);
    return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
  }

  /**
   * Waits until the mailbox holds at least {@code count} messages and returns them all, newest
   * first; after the timeout throws a {@link MailboxException} saying what it found. Delivery is
   * asynchronous (the engine batches and sends), so tests wait with this rather than sleep.
   */
  public List<DeliveredMail> awaitMessages(String address, int count, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    List<DeliveredMail> found = messages(address);
    while (found.size() < count) {
      if (System.nanoTime() - end >= 0) {
        throw new MailboxException(
            "expected at least "
                + count
                + " message(s) for "
                + address
                + " within "
                + timeout.toMillis()
                + " ms, found "
                + found.size()
                + subjects(found),
            null);
      }
      Thread.sleep(POLL.toMillis());
      found = messages(address);
    }
    return found;
  }

  private List<DeliveredMail> read(String address, int limit) {
    Properties properties = new Properties();
    properties.put("mail.imap.connectiontimeout", Integer.toString(TIMEOUT_MS));
    properties.put("mail.imap.timeout", Integer.toString(TIMEOUT_MS));
    Session session = Session.getInstance(properties);
    try (Store store = session.getStore("imap")) {
      store.connect(imap.host(), imap.port(), address, address);
      try (Folder inbox = store.getFolder("INBOX")) {
        inbox.open(Folder.READ_ONLY);
        int count = inbox.getMessageCount();
        if (count == 0) {
          return List.of();
        }
        Message[] messages = inbox.getMessages(Math.max(1, count - limit + 1), count);
        List<DeliveredMail> mails = new ArrayList<>(messages.length);
        for (Message message : messages) {
          // One fetch of the whole message instead of one round trip per part.
          MimeMessage copy = new MimeMessage((MimeMessage) message);
          mails.add(MimeReading.read(address, message.getReceivedDate(), copy));
        }
        Collections.reverse(mails);
        return mails;
      }
    } catch (MessagingException | IOException e) {
      throw new MailboxException(
          "cannot read the mailbox of " + address + " over IMAP at " + imap + ": " + e, e);
    }
  }

  private static void checkLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
  }

  private static String subjects(List<DeliveredMail> found) {
    return found.isEmpty()
        ? ""
        : " (" + String.join(", ", found.stream().map(m -> "'" + m.subject() + "'").toList()) + ")";
  }
}
