package io.activitytrail.notifications;

/** Which channels an activity reaches a recipient on. */
public record Channels(boolean inApp, boolean email) {

  public static final Channels NONE = new Channels(false, false);
  public static final Channels IN_APP = new Channels(true, false);
  public static final Channels BOTH = new Channels(true, true);

  public boolean any() {
    return inApp || email;
  }

  public Channels or(Channels other) {
    return new Channels(inApp || other.inApp, email || other.email);
  }
}
