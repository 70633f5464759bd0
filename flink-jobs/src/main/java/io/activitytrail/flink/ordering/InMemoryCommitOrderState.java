package io.activitytrail.flink.ordering;

import io.activitytrail.flink.attribution.TransactionBatch;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The sequencer's state in plain collections: what its keyed state holds, without Flink (the ENDs
 * seen are kept for good here, for as long as the join's memory there). Not thread-safe.
 *
 * <p>Why in main code: like {@code InMemoryReferenceStore}, the tests and the JMH benchmarks both
 * run the rule outside Flink.
 */
public final class InMemoryCommitOrderState implements CommitOrderState {
  private final ArrayDeque<Place> places = new ArrayDeque<>();
  private final Set<String> queued = new HashSet<>();
  private final Map<String, TransactionBatch> held = new HashMap<>();
  private final Map<String, Long> awaitingEnd = new LinkedHashMap<>();
  private final Set<String> endsSeen = new HashSet<>();
  private Long lastBatchAt;

  @Override
  public void enqueue(Place place) {
    places.addLast(place);
    queued.add(place.transactionId());
  }

  @Override
  public Place head() {
    return places.peekFirst();
  }

  @Override
  public void dequeue() {
    queued.remove(places.removeFirst().transactionId());
    if (places.isEmpty()) {
      lastBatchAt = null;
    }
  }

  @Override
  public boolean isQueued(String transactionId) {
    return queued.contains(transactionId);
  }

  @Override
  public void hold(TransactionBatch batch) {
    held.put(batch.transactionId(), batch);
  }

  @Override
  public TransactionBatch held(String transactionId) {
    return held.get(transactionId);
  }

  @Override
  public void unhold(String transactionId) {
    held.remove(transactionId);
  }

  @Override
  public void awaitEnd(String transactionId, long giveUpAt) {
    awaitingEnd.put(transactionId, giveUpAt);
  }

  @Override
  public void endArrived(String transactionId) {
    awaitingEnd.remove(transactionId);
  }

  @Override
  public Map<String, Long> awaitingEnd() {
    return Map.copyOf(awaitingEnd);
  }

  @Override
  public boolean endSeen(String transactionId) {
    return endsSeen.contains(transactionId);
  }

  @Override
  public void rememberEnd(String transactionId) {
    endsSeen.add(transactionId);
  }

  @Override
  public Long lastBatchAt() {
    return lastBatchAt;
  }

  @Override
  public void lastBatchAt(long at) {
    lastBatchAt = at;
  }

  /** Places, held batches and batches awaiting their END. */
  public int pending() {
    return places.size() + held.size() + awaitingEnd.size();
  }
}
