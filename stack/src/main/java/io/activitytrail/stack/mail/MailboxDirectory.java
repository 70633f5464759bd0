package io.activitytrail.stack.mail;

import java.util.List;

/**
 * The addresses a mail server holds mailboxes for. IMAP shows a login its own mailbox only, so the
 * list comes from the server by another way (for GreenMail, its HTTP API: {@link GreenMailApi}).
 */
@FunctionalInterface
public interface MailboxDirectory {

  /** Every address with a mailbox, sorted. */
  List<String> addresses();
}
