package io.activitytrail.notifications.email;

import io.activitytrail.clickhouse.RetryPolicy;
import io.activitytrail.event.Notification;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one recipient's batch: leaves out what the sent log already has, renders the rest, hands it
 * to the mail server (retrying with backoff what may pass later), and records it in the sent log.
 * An email the server refuses for good, or still after every retry, goes to the dead letters with
 * the reason: never dropped, never only logged.
 */
public final class EmailSender implements AutoCloseable {

  /** Waits between retries; a parameter so tests need not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  /** Where an email that cannot be sent goes, with its notifications and the reason. */
  public interface Failures extends AutoCloseable {
    void report(EmailMessage message, List<Notification> batch, MailException reason)
        throws IOException;

    @Override
    default void close() throws IOException {}
  }

  /** What became of one batch. */
  public enum Outcome {
    SENT,
    ALREADY_SENT,
    DEAD_LETTERED
  }

  private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);

  private final EmailRenderer renderer;
  private final Mailer mailer;
  private final SentLog sentLog;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Failures failures;
  private final Clock clock;

  public EmailSender(
      EmailRenderer renderer,
      Mailer mailer,
      SentLog sentLog,
      RetryPolicy retry,
      Sleeper sleeper,
      Failures failures,
      Clock clock) {
    this.renderer = renderer;
    this.mailer = mailer;
    this.sentLog = sentLog;
    this.retry = retry;
    this.sleeper = sleeper;
    this.failures = failures;
    this.clock = clock;
  }

  public Outcome send(List<Notification> batch) throws IOException, InterruptedException {
    Set<String> sent =
        sentLog.alreadySent(batch.stream().map(Notification::getNotificationId).toList());
    List<Notification> unsent = new ArrayList<>();
    for (Notification n : batch) {
      if (!sent.contains(n.getNotificationId())) {
        unsent.add(n);
      }
    }
    if (unsent.isEmpty()) {
      return Outcome.ALREADY_SENT;
    }
    EmailMessage message = renderer.render(unsent);
    Notification first = unsent.get(0);
    for (int attempt = 1; ; attempt++) {
      try {
        mailer.send(message);
        // The window a crash can double an email in: accepted by the server, not yet recorded.
        sentLog.record(message, first.getWorkspaceId(), first.getRecipientId(), clock.instant());
        return Outcome.SENT;
      } catch (MailException e) {
        if (!e.isRetriable() || attempt >= retry.maxAttempts()) {
          LOG.warn(
              "email {} to recipient {} failed after {} attempt(s), dead-lettered: {}",
              message.messageId(),
              first.getRecipientId(),
              attempt,
              e.getMessage());
          failures.report(message, unsent, e);
          return Outcome.DEAD_LETTERED;
        }
        Duration wait = retry.backoffAfter(attempt);
        LOG.warn(
            "email {} failed (attempt {} of {}), retrying in {} ms: {}",
            message.messageId(),
            attempt,
            retry.maxAttempts(),
            wait.toMillis(),
            e.getMessage());
        sleeper.sleep(wait.toMillis());
      }
    }
  }

  @Override
  public void close() throws Exception {
    try (failures;
        sentLog;
        mailer) {
      // all three closed, in reverse order
    }
  }
}
