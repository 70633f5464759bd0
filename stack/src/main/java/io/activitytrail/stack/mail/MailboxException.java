package io.activitytrail.stack.mail;

/** A mailbox could not be read: names the server and, when there is one, the address. */
public class MailboxException extends RuntimeException {

  public MailboxException(String message, Throwable cause) {
    super(message, cause);
  }
}
