package io.activitytrail.ingest.simulate;

import java.util.random.RandomGenerator;

/** Workspace settings as JSON values, so that setting changes exercise JSON diffs downstream. */
final class Settings {
  private Settings() {}

  static String initialValue(String key) {
    return switch (key) {
      case "business_hours" -> "{\"start\": \"09:00\", \"end\": \"17:00\", \"timezone\": \"UTC\"}";
      case "auto_close_days" -> "4";
      case "csat_survey" -> "{\"enabled\": false}";
      case "default_priority" -> "\"normal\"";
      case "sla_policy" -> "{\"first_reply_hours\": 8, \"resolution_hours\": 72}";
      default -> throw new IllegalArgumentException("unknown setting " + key);
    };
  }

  static String changedValue(String key, RandomGenerator random) {
    return switch (key) {
      case "business_hours" ->
          "{\"start\": \"0%d:00\", \"end\": \"1%d:00\", \"timezone\": \"Europe/Berlin\"}"
              .formatted(7 + random.nextInt(3), 6 + random.nextInt(4));
      case "auto_close_days" -> Integer.toString(2 + random.nextInt(12));
      case "csat_survey" ->
          "{\"enabled\": %b, \"delay_hours\": %d}"
              .formatted(random.nextBoolean(), 1 + random.nextInt(48));
      case "default_priority" -> random.nextBoolean() ? "\"low\"" : "\"normal\"";
      case "sla_policy" ->
          "{\"first_reply_hours\": %d, \"resolution_hours\": %d}"
              .formatted(1 + random.nextInt(24), 24 + random.nextInt(96));
      default -> throw new IllegalArgumentException("unknown setting " + key);
    };
  }
}
