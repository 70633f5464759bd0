package io.activitytrail.clickhouse;

/** A page cursor that does not decode, or that was made for another kind of query. */
public final class InvalidCursorException extends IllegalArgumentException {

  public InvalidCursorException(String message) {
    super(message);
  }

  public InvalidCursorException(String message, Throwable cause) {
    super(message, cause);
  }
}
