package io.activitytrail.bench.cli;

import io.activitytrail.stack.mail.HostPort;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One IMAP login to one recipient's inbox, for the benchmark (GreenMail takes the address as user
 * and password, and makes the mailbox on the first login). The bench holds two per recipient: one
 * only counts, so that its clock is never held up by a fetch; the other reads.
 */
final class BenchMailbox implements AutoCloseable {
  private static final int TIMEOUT_MS = 10_000;

  private final Store store;
  private final Folder inbox;

  BenchMailbox(HostPort imap, String address) throws MessagingException {
    Properties properties = new Properties();
    properties.put("mail.imap.connectiontimeout", Integer.toString(TIMEOUT_MS));
    properties.put("mail.imap.timeout", Integer.toString(TIMEOUT_MS));
    // Jakarta Mail answers a closed folder's count from a STATUS cached for a second by default:
    // that second would be added to every figure.
    properties.put("mail.imap.statuscachetimeout", "0");
    this.store = Session.getInstance(properties).getStore("imap");
    store.connect(imap.host(), imap.port(), address, address);
    this.inbox = store.getFolder("INBOX");
  }

  /** The number of messages now: one IMAP STATUS of the closed INBOX, a fresh answer each time. */
  int count() throws MessagingException {
    return inbox.getMessageCount();
  }

  /**
   * Subject and plain-text parts of messages {@code from} to {@code to} (1-based, inclusive), in
   * order: one fetch of each whole message, parsed here.
   */
  List<String> read(int from, int to) throws MessagingException, IOException {
    List<String> texts = new ArrayList<>();
    inbox.open(Folder.READ_ONLY);
    try {
      for (Message message : inbox.getMessages(from, to)) {
        MimeMessage copy = new MimeMessage((MimeMessage) message);
        StringBuilder text = new StringBuilder(String.valueOf(copy.getSubject())).append('\n');
        plainText(copy, text);
        texts.add(text.toString());
      }
    } finally {
      inbox.close(false);
    }
    return texts;
  }

  /** Every text/plain part, walking nested multiparts. */
  private static void plainText(Part part, StringBuilder out)
      throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        plainText(multipart.getBodyPart(i), out);
      }
    } else if (part.isMimeType("text/plain")) {
      out.append(part.getContent()).append('\n');
    }
  }

  @Override
  public void close() throws MessagingException {
    store.close();
  }
}
