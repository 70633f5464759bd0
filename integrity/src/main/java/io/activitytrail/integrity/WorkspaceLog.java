package io.activitytrail.integrity;

import io.activitytrail.event.ActivityEvent;
import java.io.Serializable;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the job keeps per workspace to make its history provable: the tree's frontier, the last
 * checkpoint's number and hash, the newest commit time. {@link #append} gives an event the next
 * sequence number and its entry (sequence, event id, leaf, expiry), which the caller keeps until
 * {@link #checkpoint} signs the tree as it stands and takes them, to be stored with it (a list the
 * caller appends to: Flink list state in the job). Immutable; pure but for the signature.
 */
public record WorkspaceLog(
    String workspaceId, Frontier frontier, long lastNumber, byte[] lastHash, Instant lastOccurredAt)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public WorkspaceLog {
    lastHash = lastHash.clone();
  }

  public static WorkspaceLog empty(String workspaceId) {
    return new WorkspaceLog(workspaceId, Frontier.EMPTY, 0, Checkpoint.NO_PREVIOUS, null);
  }

  /** The next event and its entry. */
  public record Appended(WorkspaceLog log, LeafEntry entry) {}

  /**
   * @param retentionDays the event's retention (null: kept for good), for the entry's expiry
   */
  public Appended append(ActivityEvent event, Integer retentionDays) {
    byte[] leaf = CanonicalEvent.leaf(event);
    Instant expiresAt = expiry(event.getOccurredAt(), retentionDays);
    LeafEntry entry = new LeafEntry(frontier.size(), event.getEventId(), leaf, expiresAt);
    Instant newest =
        lastOccurredAt == null || event.getOccurredAt().isAfter(lastOccurredAt)
            ? event.getOccurredAt()
            : lastOccurredAt;
    return new Appended(
        new WorkspaceLog(workspaceId, frontier.append(leaf), lastNumber, lastHash, newest), entry);
  }

  /**
   * When the retention policy lets an event expire; null (never) without a retention, or when the
   * sum leaves the millisecond clock the store keeps (an absurd commit time, which the store
   * refuses anyway).
   */
  static Instant expiry(Instant occurredAt, Integer retentionDays) {
    if (retentionDays == null) {
      return null;
    }
    try {
      Instant at = occurredAt.plus(Duration.ofDays(retentionDays));
      at.toEpochMilli();
      return at;
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return null;
    }
  }

  /** The next checkpoint, signed, with the entries it adds; and the log after it. */
  public record Signed(WorkspaceLog log, Verifier.SignedInterval interval) {}

  /**
   * @param entries the entries appended since the last checkpoint, in order
   */
  public Signed checkpoint(Instant now, PrivateKey key, String keyId, List<LeafEntry> entries) {
    long first = frontier.size() - entries.size();
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).seq() != first + i) {
        throw new IllegalArgumentException(
            "the entries since the last checkpoint must run from sequence " + first + " in order");
      }
    }
    Checkpoint unsignedCheckpoint =
        new Checkpoint(
            workspaceId,
            lastNumber + 1,
            frontier.size(),
            frontier.root(),
            lastHash,
            lastOccurredAt,
            now,
            keyId,
            null);
    Checkpoint signed = Keys.sign(unsignedCheckpoint, key);
    return new Signed(
        new WorkspaceLog(workspaceId, frontier, signed.number(), signed.hash(), lastOccurredAt),
        new Verifier.SignedInterval(signed, entries));
  }
}
