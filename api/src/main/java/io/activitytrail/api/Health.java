package io.activitytrail.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** What GET /health answers: 200 when ok, else 503; details name what was checked. */
public record Health(boolean ok, Map<String, Object> details) {

  public Health {
    details = Map.copyOf(details);
  }

  /** The engine's health: its normalizer job runs. */
  public static Health ofJobState(String state) {
    return new Health("RUNNING".equals(state), Map.of("job", state));
  }

  Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ok ? "ok" : "degraded");
    body.putAll(details);
    return body;
  }
}
