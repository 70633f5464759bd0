package io.activitytrail.schemas.context;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the change reached the platform. */
public enum Channel {
  WEB,
  API,
  EMAIL,
  RULE,
  IMPORT,
  SYSTEM;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
