package io.activitytrail.api;

/** A request without a valid token: answered 401 with a WWW-Authenticate challenge. */
public final class Unauthorized extends RuntimeException {

  private final boolean tokenPresent;

  public Unauthorized(String message, boolean tokenPresent) {
    super(message);
    this.tokenPresent = tokenPresent;
  }

  /** RFC 6750: a challenge for a missing token carries no error code, a rejected one does. */
  public String challenge() {
    String realm = "Bearer realm=\"activity-trail\"";
    if (!tokenPresent) {
      return realm;
    }
    return realm + ", error=\"invalid_token\", error_description=\"" + getMessage() + "\"";
  }
}
