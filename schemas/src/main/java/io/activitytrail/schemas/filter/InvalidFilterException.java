package io.activitytrail.schemas.filter;

/** A filter that cannot be built, naming the key at fault (the API answers 400 naming it). */
public final class InvalidFilterException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String key;

  public InvalidFilterException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** The filter key (also the query parameter) the message is about. */
  public String key() {
    return key;
  }
}
