package io.activitytrail.flink.ordering;

import io.activitytrail.flink.attribution.TransactionBatch;
import io.activitytrail.flink.ordering.CommitOrderState.Place;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The release rule of the sequencer: transactions leave in the order of their END markers, each
 * once it and every earlier one has come back from the attribution join, complete or timed out.
 *
 * <p>The END markers come from the transaction topic, which Debezium writes in commit order to one
 * partition; each gives its transaction a place. The join answers every END it sees with one
 * ordered batch within {@code attribution.max-wait} of seeing it (a timed-out transaction counts as
 * complete with what it has). The END can run ahead of its batch, though: markers take the short
 * path from decode while batches queue behind others in the join's channels, by seconds when a
 * backlog drains or the sink stalls. So a place is given up on only when the join has been silent
 * for the patience while it waited: no batch at all came, not just not its own. Downstream,
 * keyBy(workspace) keeps each channel's order, so each workspace's normalizer sees its transactions
 * in commit order: a change is enriched with exactly the reference rows committed before it.
 *
 * <table>
 *   <caption>what arrives, and what the rule does</caption>
 *   <tr><th>arrives</th><th>rule</th></tr>
 *   <tr><td>END marker</td><td>a place at the back</td></tr>
 *   <tr><td>END repeated (a connector redelivering after a restart): its transaction's END was seen
 *       before</td><td>dropped: the join does not answer it either</td></tr>
 *   <tr><td>ordered batch (COMPLETE, TIMED_OUT, ANSWERED)</td><td>held until its place is at the
 *       front; if its END has not reached the sequencer yet (another channel), held until it
 *       does; if its END has passed already (its place was given up on), released at once</td></tr>
 *   <tr><td>unordered batch (NO_END, LATE)</td><td>released at once, outside commit order</td></tr>
 *   <tr><td>a place waiting longer than {@code patience}, with no batch from the join in the last
 *       {@code patience}; a held batch waiting longer than {@code patience} for its END</td><td>given
 *       up: not expected (the join answers every END); released so nothing stalls</td></tr>
 * </table>
 */
public final class CommitOrder implements Serializable {
  private final long patienceMillis;

  /**
   * @param patience how long a place waits for its batch while the join is silent, or a batch for
   *     its END, before the rule gives up; longer than the join's max-wait
   */
  public CommitOrder(Duration patience) {
    this.patienceMillis = patience.toMillis();
  }

  /** A batch let go by the rule; {@code inOrder} false when it left outside commit order. */
  public record Release(TransactionBatch batch, boolean inOrder) {}

  /**
   * What one step let go, in order, and the places given up on (their batches, if they ever come,
   * leave unordered).
   */
  public record Step(List<Release> released, List<String> gaveUp) {
    static Step empty() {
      return new Step(new ArrayList<>(), new ArrayList<>());
    }
  }

  /**
   * An END marker, in commit order. A marker of a transaction whose END was seen before (within the
   * state's memory, as long as the join's) is a repeat: a connector redelivering after a restart.
   * The join does not answer it again, so it gets no place.
   */
  public Step onEnd(String transactionId, long now, CommitOrderState state) {
    Step step = Step.empty();
    if (state.endSeen(transactionId)) {
      return step;
    }
    state.rememberEnd(transactionId);
    state.enqueue(new Place(transactionId, now + patienceMillis));
    state.endArrived(transactionId);
    releaseReady(state, step);
    return step;
  }

  /** A batch from the join. */
  public Step onBatch(TransactionBatch batch, long now, CommitOrderState state) {
    Step step = Step.empty();
    if (state.head() != null) {
      state.lastBatchAt(now); // the join is answering: the places waiting may be next
    }
    boolean queued = state.isQueued(batch.transactionId());
    // Unordered by nature, or its END passed already and its place was given up on
    if (!batch.outcome().ordered() || (!queued && state.endSeen(batch.transactionId()))) {
      step.released().add(new Release(batch, false));
      return step;
    }
    state.hold(batch);
    if (!queued) {
      state.awaitEnd(batch.transactionId(), now + patienceMillis);
    }
    releaseReady(state, step);
    return step;
  }

  /** Processing time has reached {@code now}: gives up on what waited longer than the patience. */
  public Step onTime(long now, CommitOrderState state) {
    Step step = Step.empty();
    for (Place head = state.head();
        head != null && giveUpAt(head, state) <= now && state.held(head.transactionId()) == null;
        head = state.head()) {
      state.dequeue();
      step.gaveUp().add(head.transactionId());
      releaseReady(state, step);
    }
    for (Map.Entry<String, Long> waiting : state.awaitingEnd().entrySet()) {
      if (waiting.getValue() <= now) {
        TransactionBatch batch = state.held(waiting.getKey());
        state.endArrived(waiting.getKey());
        state.unhold(waiting.getKey());
        if (batch != null) {
          step.released().add(new Release(batch, false));
        }
      }
    }
    return step;
  }

  /** When the rule next has something to give up on, or null when nothing waits. */
  public Long nextDeadline(CommitOrderState state) {
    Place head = state.head();
    Long next = head == null ? null : giveUpAt(head, state);
    for (long giveUpAt : state.awaitingEnd().values()) {
      next = next == null ? giveUpAt : Math.min(next, giveUpAt);
    }
    return next;
  }

  /** The place's own deadline, pushed back while batches keep coming from the join. */
  private long giveUpAt(Place place, CommitOrderState state) {
    Long lastBatch = state.lastBatchAt();
    return lastBatch == null
        ? place.giveUpAt()
        : Math.max(place.giveUpAt(), lastBatch + patienceMillis);
  }

  private static void releaseReady(CommitOrderState state, Step step) {
    for (Place head = state.head(); head != null; head = state.head()) {
      TransactionBatch batch = state.held(head.transactionId());
      if (batch == null) {
        return;
      }
      state.dequeue();
      state.unhold(head.transactionId());
      step.released().add(new Release(batch, true));
    }
  }
}
