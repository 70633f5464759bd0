package io.activitytrail.notifications.email;

/** An email the mail server did not take, and whether trying again may succeed. */
public final class MailException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean retriable;

  public MailException(String message, boolean retriable, Throwable cause) {
    super(message, cause);
    this.retriable = retriable;
  }

  /** A connection failure or a 4xx reply: the server may take it later. A 5xx reply: never. */
  public boolean isRetriable() {
    return retriable;
  }
}
