package io.activitytrail.integrity;

import java.util.List;

/**
 * What {@link Verifier} found: the verdict, the counts, and each problem with its kind and the
 * sequence number, event or checkpoint it concerns.
 */
public record Verification(
    Verdict verdict,
    long eventsChecked,
    long checkpointsChecked,
    long expired,
    long pending,
    long unsigned,
    List<Problem> problems) {

  public Verification {
    problems = List.copyOf(problems);
  }

  public enum Verdict {
    /** Every stored event is in a signed checkpoint, as signed, and every signed event is here. */
    VALID,
    /** At least one problem. */
    TAMPERED,
    /**
     * No problem, but some events could not be checked: newer than the last checkpoint, or written
     * by the API itself outside the signed stream ({@link Verifier#WRITTEN_BY_API}).
     */
    INCOMPLETE
  }

  /** What can be wrong. */
  public enum Kind {
    /** An event's content differs from what was signed. */
    MODIFIED,
    /** A signed event is gone, and the retention policy does not explain it. */
    DELETED,
    /** An event no checkpoint knows (forged, or without a sequence number). */
    INSERTED,
    /** A signed event is stored at another position than the one signed. */
    REORDERED,
    /** A signed event is now stored under another workspace. */
    MOVED,
    /** A checkpoint number is missing from the chain. */
    MISSING_CHECKPOINT,
    /** A checkpoint's signature, chain link, size or stored leaves do not hold. */
    CHECKPOINT_ALTERED,
    /** A checkpoint signed by a key the verifier does not know. */
    UNKNOWN_KEY,
    /** The stored checkpoint differs from the one pinned: history was rewritten since. */
    HISTORY_REWRITTEN
  }

  /**
   * @param seq the sequence number concerned, or null
   * @param eventId the event concerned, or null
   * @param checkpoint the checkpoint number concerned, or null
   * @param detail one sentence a person can act on
   */
  public record Problem(Kind kind, Long seq, String eventId, Long checkpoint, String detail) {}
}
