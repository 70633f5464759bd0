package io.activitytrail.schemas.context;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Who acts: a team member, a customer, an automation rule, a token, an integration, or the platform
 * itself.
 */
public enum ActorType {
  USER,
  CUSTOMER,
  AUTOMATION,
  API_TOKEN,
  INTEGRATION,
  SYSTEM;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
