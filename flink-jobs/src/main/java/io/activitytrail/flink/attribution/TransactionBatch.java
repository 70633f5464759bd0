package io.activitytrail.flink.attribution;

import io.activitytrail.flink.decode.AppEvent;
import io.activitytrail.flink.decode.Decoded;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.schemas.context.ActorContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction's events as the attribution join lets them go, to be released in commit order.
 *
 * @param outcome why the join let them go; says whether the transaction has a place in commit order
 * @param context the transaction's actor context; null if none arrived
 * @param events row changes and {@code trail.event} messages, in commit order (total_order); empty
 *     when the batch only settles a place ({@link Outcome#ANSWERED})
 * @param endLsn the LSN of the END marker the join saw (its place in commit order); null when it
 *     saw none, or the marker carried none
 */
public record TransactionBatch(
    String transactionId,
    Outcome outcome,
    ActorContext context,
    List<Decoded> events,
    Long endLsn) {

  public TransactionBatch {
    events = List.copyOf(events);
  }

  public enum Outcome {
    /** END seen, and every event it counts arrived. */
    COMPLETE,
    /**
     * END seen, but not every event it counts arrived within max-wait: complete with what it has.
     */
    TIMED_OUT,
    /**
     * No END within max-wait: released at once, outside commit order. If the END comes later, the
     * join answers it with {@link #ANSWERED}.
     */
    NO_END,
    /** Events of a transaction already let go (after a timeout): released at once, unordered. */
    LATE,
    /**
     * The END of a transaction already let go without one: no events, it only settles the place.
     */
    ANSWERED;

    /**
     * Whether the join saw the transaction's END: then the sequencer receives the END too and must
     * release this batch in the END's place. Each END a transaction gets answered exactly once.
     */
    public boolean ordered() {
      return this == COMPLETE || this == TIMED_OUT || this == ANSWERED;
    }
  }

  /** The events as the normalizer takes them: changes with the context, app events without. */
  public List<Attributed> attributed() {
    List<Attributed> attributed = new ArrayList<>(events.size());
    for (Decoded event : events) {
      if (event instanceof RowChange) {
        attributed.add(new Attributed(event, context));
      } else if (event instanceof AppEvent) {
        // a trail.event message names its own actor
        attributed.add(new Attributed(event, null));
      }
    }
    return attributed;
  }
}
