package io.activitytrail.schemas.serde;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde settings. Kafka hands a serializer every producer setting, so other keys are expected
 * and ignored.
 *
 * @param url base of a Confluent-compatible REST API, e.g. {@code
 *     http://127.0.0.1:18081/apis/ccompat/v7}
 * @param timeout per registry request
 */
public record RegistryConfig(URI url, Duration timeout) {

  public static final String REGISTRY_URL = "registry.url";
  public static final String REGISTRY_TIMEOUT_MS = "registry.timeout.ms";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public static RegistryConfig from(Map<String, ?> configs) {
    return new RegistryConfig(
        url(configs.get(REGISTRY_URL)), timeout(configs.get(REGISTRY_TIMEOUT_MS)));
  }

  private static URI url(Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new ConfigException(
          REGISTRY_URL
              + " is required: the base URL of a Confluent-compatible schema registry, e.g."
              + " http://127.0.0.1:18081/apis/ccompat/v7");
    }
    URI uri;
    try {
      uri = URI.create(value.toString().trim().replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(REGISTRY_URL, value, "not a URL: " + e.getMessage());
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new ConfigException(REGISTRY_URL, value, "must be an http or https URL");
    }
    return uri;
  }

  private static Duration timeout(Object value) {
    if (value == null) {
      return DEFAULT_TIMEOUT;
    }
    long millis;
    try {
      millis = Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(REGISTRY_TIMEOUT_MS, value, "must be a number of milliseconds");
    }
    if (millis <= 0) {
      throw new ConfigException(REGISTRY_TIMEOUT_MS, value, "must be positive");
    }
    return Duration.ofMillis(millis);
  }
}
