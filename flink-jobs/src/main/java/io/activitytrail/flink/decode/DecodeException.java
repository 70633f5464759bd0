package io.activitytrail.flink.decode;

/**
 * A record that cannot be read or mapped: a data error, never retried, sent to the dead letters.
 */
public class DecodeException extends RuntimeException {
  public DecodeException(String message) {
    super(message);
  }

  public DecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
