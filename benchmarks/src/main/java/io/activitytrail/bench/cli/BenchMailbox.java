package io.activitytrail.bench.cli;

import io.activitytrail.stack.mail.HostPort;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One recipient's inbox, watched over IMAP for the benchmark. Logged in once (GreenMail takes the
 * address as user and password, and makes the mailbox on the first login); each {@link #poll()}
 * asks the closed INBOX for its message count (one IMAP STATUS: a fresh answer every time, unlike
 * an open folder's count, which Jakarta Mail refreshes at most once a second), and only when it
 * grew opens the folder and reads the plain text of the new messages.
 */
final class BenchMailbox implements AutoCloseable {
  private static final int TIMEOUT_MS = 10_000;

  private final String address;
  private final Store store;
  private final Folder inbox;
  private int seen;

  BenchMailbox(HostPort imap, String address) throws MessagingException {
    this.address = address;
    Properties properties = new Properties();
    properties.put("mail.imap.connectiontimeout", Integer.toString(TIMEOUT_MS));
    properties.put("mail.imap.timeout", Integer.toString(TIMEOUT_MS));
    this.store = Session.getInstance(properties).getStore("imap");
    store.connect(imap.host(), imap.port(), address, address);
    this.inbox = store.getFolder("INBOX");
    this.seen = inbox.getMessageCount();
  }

  String address() {
    return address;
  }

  /** Messages counted so far, those there before the first poll included. */
  int seen() {
    return seen;
  }

  /** The plain-text bodies of the messages that arrived since the last poll, oldest first. */
  List<String> poll() throws MessagingException, IOException {
    int count = inbox.getMessageCount();
    if (count <= seen) {
      return List.of();
    }
    List<String> texts = new ArrayList<>();
    inbox.open(Folder.READ_ONLY);
    try {
      for (Message message : inbox.getMessages(seen + 1, count)) {
        StringBuilder text = new StringBuilder(String.valueOf(message.getSubject())).append('\n');
        plainText(message, text);
        texts.add(text.toString());
      }
    } finally {
      inbox.close(false);
    }
    seen = count;
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
