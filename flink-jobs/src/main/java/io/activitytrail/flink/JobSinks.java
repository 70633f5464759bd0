package io.activitytrail.flink;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Notification;
import io.activitytrail.flink.deadletter.DeadLetter;
import io.activitytrail.integrity.Verifier.SignedInterval;
import io.activitytrail.notifications.email.EmailBatching;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Where the job's output goes: {@link NormalizerJob#build} wires the production sinks, tests hand
 * their own.
 *
 * @param contractTopics {@code trail.activities} and {@code trail.audit-events}; empty without a
 *     registry
 * @param inAppNotifications the in-app notifications' table
 * @param notificationTopic {@code trail.notifications}; empty without a registry
 * @param email the email path; empty without a mail server
 * @param integrity signed checkpoints of each workspace's history; empty without a signing key
 */
public record JobSinks(
    Sink<ActivityEvent> activities,
    Optional<Sink<ActivityEvent>> contractTopics,
    Sink<Notification> inAppNotifications,
    Optional<Sink<Notification>> notificationTopic,
    Optional<Email> email,
    Optional<Integrity> integrity,
    Sink<DeadLetter> deadLetters) {

  /** Batching rules and the sink that sends each batch as one email. */
  public record Email(EmailBatching batching, Sink<List<Notification>> sink) {}

  /**
   * The signing key (PKCS#8 and X.509 encodings), how often a workspace with new events gets a
   * checkpoint, and where checkpoints go: the store, and {@code trail.checkpoints}, a copy outside
   * it.
   */
  public record Integrity(
      byte[] privateKey,
      byte[] publicKey,
      Duration interval,
      Sink<SignedInterval> checkpoints,
      Sink<SignedInterval> topic) {}

  /** Activities and dead letters only; notifications go nowhere. */
  public static JobSinks of(Sink<ActivityEvent> activities, Sink<DeadLetter> deadLetters) {
    return new JobSinks(
        activities,
        Optional.empty(),
        new DiscardingSink<>(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        deadLetters);
  }
}
