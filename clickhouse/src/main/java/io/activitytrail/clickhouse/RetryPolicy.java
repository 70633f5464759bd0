package io.activitytrail.clickhouse;

import java.io.Serializable;
import java.time.Duration;

/**
 * Bounded retries with exponential backoff for writes that failed for a reason that may pass
 * (overload, timeouts, network). After the last attempt the failure propagates: in Flink the job
 * then restarts from its last checkpoint instead of dropping the batch.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff)
    implements Serializable {

  /** 5 attempts, 200 ms doubling up to 5 s: about 3 s of waiting before giving up. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "backoff must satisfy 0 <= initial <= max, got " + initialBackoff + ", " + maxBackoff);
    }
  }

  /** The wait before attempt {@code attempt + 1}, after {@code attempt} (1-based) failed. */
  public Duration backoffAfter(int attempt) {
    long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
