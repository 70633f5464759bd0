package io.activitytrail.flink.reference;

/**
 * Keyed state could not be read or written: an infrastructure failure, not the event's fault. The
 * normalize operator lets it fail the job (which restarts from its checkpoint) instead of
 * dead-lettering the event.
 */
public final class StateAccessException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public StateAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
