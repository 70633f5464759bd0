package io.activitytrail.api;

import java.util.List;

/**
 * The names the API's {@code /metrics} exposes, for dashboards and alert rules to check against.
 */
public final class ApiMetricNames {
  public static final String REQUESTS = "trail_api_requests_total";
  public static final String REQUEST_DURATION = "trail_api_request_duration_seconds";

  /**
   * The exposed series names (a classic histogram adds {@code _bucket}, {@code _count}, {@code
   * _sum}).
   */
  public static final List<String> ALL = List.of(REQUESTS, REQUEST_DURATION);

  private ApiMetricNames() {}
}
