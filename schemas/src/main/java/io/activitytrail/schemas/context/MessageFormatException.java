package io.activitytrail.schemas.context;

/** A {@code trail.context} or {@code trail.event} message that does not follow its contract. */
public final class MessageFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public MessageFormatException(String message) {
    super(message);
  }

  public MessageFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
