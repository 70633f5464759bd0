package io.activitytrail.notifications.email;

/** Hands one email to a mail server. The one way the notifier sends mail. */
public interface Mailer extends AutoCloseable {

  /** Returns once the server accepted the message. */
  void send(EmailMessage message) throws MailException;

  @Override
  default void close() {}
}
