package io.activitytrail.alerts;

import java.util.Locale;

/** How urgent an alert is; carried by the alert and its email, ordered from least. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Severity parse(String value) {
    for (Severity s : values()) {
      if (s.key().equals(value)) {
        return s;
      }
    }
    return null;
  }
}
