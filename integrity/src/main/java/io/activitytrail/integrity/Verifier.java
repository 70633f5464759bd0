package io.activitytrail.integrity;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.integrity.Verification.Kind;
import io.activitytrail.integrity.Verification.Problem;
import io.activitytrail.integrity.Verification.Verdict;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks one workspace's stored history against its signed checkpoints (docs/integrity.md),
 * offline, from what is stored and the public keys alone. Pure.
 *
 * <ol>
 *   <li>The chain: numbers without gaps, each signed by a known key, each naming the previous one's
 *       hash, sizes that never shrink.
 *   <li>The recorded leaves: the entries stored with the checkpoints, appended in order, must give
 *       each signed root; only then are they evidence.
 *   <li>The events: each stored event's leaf, recomputed from its content, must be the recorded
 *       leaf at its sequence number; each recorded entry must have its event, unless it expired
 *       under the retention policy.
 * </ol>
 */
public final class Verifier {

  /**
   * The source connector of events the API records itself (an export's {@code data_exported}): they
   * reach the store without passing the job, so no checkpoint covers them. The verifier counts them
   * apart ({@link Verification#unsigned}) and cannot call the history valid while any are stored:
   * they could be anything. Routing them through the job is the fix (docs/integrity.md).
   */
  public static final String WRITTEN_BY_API = "trail-api";

  private Verifier() {}

  /**
   * A checkpoint with the entries of the events it added (sequence numbers from the previous size).
   */
  public record SignedInterval(Checkpoint checkpoint, List<LeafEntry> entries) {
    public SignedInterval {
      entries = List.copyOf(entries);
    }
  }

  /**
   * An event as stored, with the sequence number stored beside it; null when the store keeps none
   * beside the event: then its entry's, found by event id, and an event no entry names is pending
   * when it is not older than the newest event signed, else inserted.
   */
  public record StoredEvent(Long seq, ActivityEvent event) {}

  /**
   * @param intervals the workspace's checkpoints in number order, each with its entries
   * @param events the workspace's stored events, each once
   * @param keyRing the public keys by key id
   * @param pinned a checkpoint the reader kept from earlier, or null
   * @param workspaceOf where else an event id is stored (to tell a moved event from a deleted one)
   * @param now when expiry is judged
   */
  public static Verification verify(
      String workspace,
      List<SignedInterval> intervals,
      List<StoredEvent> events,
      Map<String, PublicKey> keyRing,
      Checkpoint pinned,
      Function<String, Optional<String>> workspaceOf,
      Instant now) {
    List<Problem> problems = new ArrayList<>();
    Map<Long, LeafEntry> entries = new HashMap<>();
    long covered = chain(workspace, intervals, keyRing, entries, problems);
    if (pinned != null) {
      pin(pinned, intervals, problems);
    }

    Instant newestSigned = newestCovered(intervals, covered);
    Map<String, Long> signedSeqOf = new HashMap<>();
    entries.values().forEach(e -> signedSeqOf.put(e.eventId(), e.seq()));
    Instant oldestSigned = oldestSigned(events, signedSeqOf);
    Set<Long> satisfied = new HashSet<>();
    Set<String> storedIds = new HashSet<>();
    long checked = 0;
    long pending = 0;
    long unsigned = 0;
    for (StoredEvent stored : events) {
      ActivityEvent e = stored.event();
      storedIds.add(e.getEventId());
      if (WRITTEN_BY_API.equals(e.getSource().getConnector())
          && !signedSeqOf.containsKey(e.getEventId())) {
        unsigned++;
        continue;
      }
      Long seq = stored.seq();
      boolean unsignedYet =
          seq == null
              && !signedSeqOf.containsKey(e.getEventId())
              && (newestSigned == null || !e.getOccurredAt().isBefore(newestSigned));
      if ((seq != null && seq >= covered) || unsignedYet) {
        pending++;
        continue;
      }
      if (seq == null && signedSeqOf.containsKey(e.getEventId())) {
        seq = signedSeqOf.get(e.getEventId()); // stored without its number: the entry names it
      }
      checked++;
      byte[] leaf = CanonicalEvent.leaf(e);
      LeafEntry at = seq == null ? null : entries.get(seq);
      if (at != null && Arrays.equals(at.leaf(), leaf)) {
        satisfied.add(seq);
        continue;
      }
      Long signedSeq = signedSeqOf.get(e.getEventId());
      if (seq == null && oldestSigned != null && e.getOccurredAt().isBefore(oldestSigned)) {
        unsigned++; // recorded before signing began (a store older than its checkpoints)
        checked--;
      } else if (seq == null) {
        problems.add(
            new Problem(
                Kind.INSERTED,
                null,
                e.getEventId(),
                null,
                "event " + e.getEventId() + " has no sequence number: no checkpoint covers it"));
      } else if (signedSeq == null) {
        problems.add(
            new Problem(
                Kind.INSERTED,
                seq,
                e.getEventId(),
                null,
                "event " + e.getEventId() + " at sequence " + seq + " is in no signed checkpoint"));
      } else if (Arrays.equals(entries.get(signedSeq).leaf(), leaf)) {
        satisfied.add(signedSeq);
        problems.add(
            new Problem(
                Kind.REORDERED,
                seq,
                e.getEventId(),
                null,
                "event "
                    + e.getEventId()
                    + " is stored at sequence "
                    + seq
                    + " but was signed at "
                    + signedSeq));
      } else {
        problems.add(
            new Problem(
                Kind.MODIFIED,
                signedSeq,
                e.getEventId(),
                null,
                "event "
                    + e.getEventId()
                    + " (sequence "
                    + signedSeq
                    + ") differs from what was signed"));
      }
    }

    long expired = 0;
    for (long seq = 0; seq < covered; seq++) {
      LeafEntry entry = entries.get(seq);
      if (entry == null || satisfied.contains(seq) || storedIds.contains(entry.eventId())) {
        continue;
      }
      if (entry.expiresAt() != null && !entry.expiresAt().isAfter(now)) {
        expired++;
        continue;
      }
      Optional<String> elsewhere = workspaceOf.apply(entry.eventId());
      if (elsewhere.isPresent() && !elsewhere.get().equals(workspace)) {
        problems.add(
            new Problem(
                Kind.MOVED,
                seq,
                entry.eventId(),
                null,
                "event "
                    + entry.eventId()
                    + " (sequence "
                    + seq
                    + ") is now stored under workspace "
                    + elsewhere.get()));
      } else {
        problems.add(
            new Problem(
                Kind.DELETED,
                seq,
                entry.eventId(),
                null,
                "event "
                    + entry.eventId()
                    + " (sequence "
                    + seq
                    + ") was signed and is gone before its retention ended"));
      }
    }
    Verdict verdict =
        !problems.isEmpty()
            ? Verdict.TAMPERED
            : pending > 0 || unsigned > 0 ? Verdict.INCOMPLETE : Verdict.VALID;
    return new Verification(
        verdict, checked, intervals.size(), expired, pending, unsigned, problems);
  }

  /** The commit time of the oldest stored event a checkpoint names: when signing began, or null. */
  private static Instant oldestSigned(List<StoredEvent> events, Map<String, Long> signedSeqOf) {
    Instant oldest = null;
    for (StoredEvent stored : events) {
      Instant at = stored.event().getOccurredAt();
      if (signedSeqOf.containsKey(stored.event().getEventId())
          && (oldest == null || at.isBefore(oldest))) {
        oldest = at;
      }
    }
    return oldest;
  }

  /** The newest commit time the trusted checkpoints cover, or null. */
  private static Instant newestCovered(List<SignedInterval> intervals, long covered) {
    Instant newest = null;
    for (SignedInterval interval : intervals) {
      Checkpoint c = interval.checkpoint();
      if (c.treeSize() <= covered && c.lastOccurredAt() != null) {
        newest = newest == null || c.lastOccurredAt().isAfter(newest) ? c.lastOccurredAt() : newest;
      }
    }
    return newest;
  }

  /** Checks the chain and the recorded leaves; returns how many events the trusted leaves cover. */
  private static long chain(
      String workspace,
      List<SignedInterval> intervals,
      Map<String, PublicKey> keyRing,
      Map<Long, LeafEntry> entries,
      List<Problem> problems) {
    byte[] previousHash = Checkpoint.NO_PREVIOUS;
    long previousNumber = 0;
    Frontier frontier = Frontier.EMPTY;
    boolean leavesHold = true;
    long covered = 0;
    for (SignedInterval interval : intervals) {
      Checkpoint cp = interval.checkpoint();
      Long n = cp.number();
      switch (Keys.check(cp, keyRing)) {
        case UNKNOWN_KEY ->
            problems.add(
                new Problem(
                    Kind.UNKNOWN_KEY,
                    null,
                    null,
                    n,
                    "checkpoint " + n + " is signed by key " + cp.keyId() + ", which is unknown"));
        case INVALID ->
            problems.add(
                new Problem(
                    Kind.CHECKPOINT_ALTERED,
                    null,
                    null,
                    n,
                    "checkpoint " + n + "'s signature does not match its content"));
        case VALID -> {}
      }
      if (!cp.workspaceId().equals(workspace)) {
        problems.add(
            new Problem(
                Kind.CHECKPOINT_ALTERED,
                null,
                null,
                n,
                "checkpoint " + n + " names workspace " + cp.workspaceId()));
      }
      if (cp.number() != previousNumber + 1) {
        problems.add(
            new Problem(
                Kind.MISSING_CHECKPOINT,
                null,
                null,
                previousNumber + 1,
                "checkpoints "
                    + (previousNumber + 1)
                    + (cp.number() - 1 > previousNumber + 1 ? " to " + (cp.number() - 1) : "")
                    + " are missing"));
        leavesHold = false;
      } else if (!Arrays.equals(cp.previous(), previousHash)) {
        problems.add(
            new Problem(
                Kind.CHECKPOINT_ALTERED,
                null,
                null,
                n,
                "checkpoint " + n + " does not name checkpoint " + previousNumber + " before it"));
      }
      if (leavesHold) {
        for (LeafEntry entry : interval.entries()) {
          if (entry.seq() != frontier.size()) {
            leavesHold = false;
            break;
          }
          frontier = frontier.append(entry.leaf());
          entries.put(entry.seq(), entry);
        }
        if (leavesHold
            && frontier.size() == cp.treeSize()
            && Arrays.equals(frontier.root(), cp.root())) {
          covered = cp.treeSize();
        } else {
          leavesHold = false;
          problems.add(
              new Problem(
                  Kind.CHECKPOINT_ALTERED,
                  null,
                  null,
                  n,
                  "checkpoint "
                      + n
                      + "'s recorded events do not give its signed root: events from sequence "
                      + covered
                      + " on cannot be checked"));
        }
      }
      previousHash = cp.hash();
      previousNumber = cp.number();
    }
    // Entries past the last trusted root are not evidence.
    long trusted = covered;
    entries.keySet().removeIf(seq -> seq >= trusted);
    return trusted;
  }

  private static void pin(
      Checkpoint pinned, List<SignedInterval> intervals, List<Problem> problems) {
    Optional<Checkpoint> stored =
        intervals.stream()
            .map(SignedInterval::checkpoint)
            .filter(c -> c.number() == pinned.number())
            .findFirst();
    if (stored.isEmpty()) {
      problems.add(
          new Problem(
              Kind.HISTORY_REWRITTEN,
              null,
              null,
              pinned.number(),
              "the pinned checkpoint " + pinned.number() + " is not stored any more"));
    } else if (!stored.get().sameAs(pinned)) {
      problems.add(
          new Problem(
              Kind.HISTORY_REWRITTEN,
              null,
              null,
              pinned.number(),
              "checkpoint "
                  + pinned.number()
                  + " differs from the pinned one: the history was rewritten since"));
    }
  }
}
