package io.activitytrail.flink.ordering;

import io.activitytrail.flink.attribution.TransactionBatch;
import java.util.Map;

/**
 * What {@link CommitOrder} keeps between steps: Flink keyed state in the job ({@link
 * CommitSequencer}), {@link InMemoryCommitOrderState} in tests and benchmarks.
 */
public interface CommitOrderState {

  /** A transaction's place in commit order, and when to stop waiting for its batch. */
  record Place(String transactionId, long giveUpAt) {}

  /** Appends a place behind every other one. */
  void enqueue(Place place);

  /** The oldest place, or null when there is none. */
  Place head();

  void dequeue();

  boolean isQueued(String transactionId);

  /** Keeps a batch until its place comes. */
  void hold(TransactionBatch batch);

  /** The batch held for a transaction, or null. */
  TransactionBatch held(String transactionId);

  void unhold(String transactionId);

  /** A held batch whose END has not arrived yet, and when to stop waiting for it. */
  void awaitEnd(String transactionId, long giveUpAt);

  void endArrived(String transactionId);

  /** Transaction id to give-up time, of every held batch still waiting for its END. */
  Map<String, Long> awaitingEnd();

  /**
   * Whether an END of this transaction reached the sequencer before. Remembered as long as the join
   * remembers a transaction it let go ({@code attribution.memory}): not by LSN, so one marker with
   * a wrong LSN cannot make every later one look repeated.
   */
  boolean endSeen(String transactionId);

  void rememberEnd(String transactionId);

  /** When the last batch came from the join (processing time), or null before the first. */
  Long lastBatchAt();

  void lastBatchAt(long at);
}
