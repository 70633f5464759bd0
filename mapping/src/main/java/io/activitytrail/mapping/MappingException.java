package io.activitytrail.mapping;

/**
 * A mapping file that cannot be used; the message names the file, and the line and key where known.
 */
public class MappingException extends RuntimeException {
  public MappingException(String message, Throwable cause) {
    super(message, cause);
  }

  public MappingException(String message) {
    super(message);
  }
}
