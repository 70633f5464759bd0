package io.activitytrail.stack;

import java.util.Arrays;
import java.util.Locale;

/** The processes of the local stack, in start order (stop runs in reverse). */
public enum ServiceId {
  POSTGRES,
  KAFKA,
  REGISTRY,
  CONNECT,
  // Before the engine, which sends notification email to it, and stopped after it.
  MAIL,
  ENGINE;

  /** The name used in file names, log lines and the command line. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ServiceId fromKey(String key) {
    return Arrays.stream(values())
        .filter(s -> s.key().equals(key))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown service '"
                        + key
                        + "'; known: "
                        + String.join(", ", Arrays.stream(values()).map(ServiceId::key).toList())));
  }
}
