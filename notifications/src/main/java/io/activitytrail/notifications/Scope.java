package io.activitytrail.notifications;

import java.util.Locale;
import java.util.Optional;

/** Which records a preference covers, as stored in the platform's preferences table. */
public enum Scope {
  /** Records assigned to the user. */
  ASSIGNED,
  /** Records the user follows. */
  FOLLOWING,
  /** Every record of the workspace. */
  WORKSPACE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The scope a stored value names; empty for anything else (the row is then ignored). */
  public static Optional<Scope> fromWire(String value) {
    for (Scope scope : values()) {
      if (scope.wireName().equals(value)) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }
}
