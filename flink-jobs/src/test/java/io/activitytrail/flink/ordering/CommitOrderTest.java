package io.activitytrail.flink.ordering;

import static io.activitytrail.flink.Changes.ADA;
import static io.activitytrail.flink.Changes.endLsn;
import static io.activitytrail.flink.Changes.ticketUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.flink.attribution.TransactionBatch;
import io.activitytrail.flink.attribution.TransactionBatch.Outcome;
import io.activitytrail.flink.decode.Decoded;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.flink.ordering.CommitOrder.Release;
import io.activitytrail.flink.ordering.CommitOrder.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommitOrderTest {
  private static final long PATIENCE = 6_000;
  private static final long T0 = 1_000;

  private final CommitOrder order = new CommitOrder(Duration.ofMillis(PATIENCE));
  private final InMemoryCommitOrderState state = new InMemoryCommitOrderState();
  private final List<Release> released = new ArrayList<>();
  private final List<String> gaveUp = new ArrayList<>();

  private void end(String tx) {
    end(tx, T0);
  }

  private void end(String tx, long now) {
    collect(order.onEnd(tx, now, state));
  }

  private void batch(String tx, Outcome outcome) {
    batch(tx, outcome, T0);
  }

  private void batch(String tx, Outcome outcome, long now) {
    collect(order.onBatch(batchOf(tx, outcome, 1), now, state));
  }

  private void time(long now) {
    collect(order.onTime(now, state));
  }

  private void collect(Step step) {
    released.addAll(step.released());
    gaveUp.addAll(step.gaveUp());
  }

  private static TransactionBatch batchOf(String tx, Outcome outcome, int changes) {
    List<Decoded> events =
        outcome == Outcome.ANSWERED
            ? List.of()
            : LongStream.rangeClosed(1, changes)
                .mapToObj(i -> (Decoded) ticketUpdate(tx, i, 40 + i, "3", "3"))
                .toList();
    return new TransactionBatch(tx, outcome, ADA, events, outcome.ordered() ? endLsn(tx) : null);
  }

  private List<String> releasedIds() {
    return released.stream().map(r -> r.batch().transactionId()).toList();
  }

  @Test
  @DisplayName(
      "transactions leave in END order: a later one that came back first waits for the earlier one")
  void endOrder() {
    end("1");
    end("2");
    batch("2", Outcome.COMPLETE);
    assertThat(released).isEmpty();

    batch("1", Outcome.COMPLETE);

    assertThat(releasedIds()).containsExactly("1", "2");
    assertThat(released).allMatch(Release::inOrder);
    assertThat(state.pending()).isZero();
    assertThat(order.nextDeadline(state)).isNull();
  }

  @Test
  @DisplayName(
      "a batch that arrives before its END (another channel) waits for the END, then leaves in its place")
  void batchBeforeItsEnd() {
    batch("1", Outcome.COMPLETE);
    assertThat(released).isEmpty();
    assertThat(state.awaitingEnd()).containsKey("1");

    end("1");

    assertThat(releasedIds()).containsExactly("1");
    assertThat(released.get(0).inOrder()).isTrue();
    assertThat(state.pending()).isZero();
  }

  @Test
  @DisplayName("a batch behind a place still waiting leaves only when the place is settled")
  void heldBehindEarlier() {
    end("1");
    batch("2", Outcome.COMPLETE);
    end("2");
    assertThat(released).isEmpty();

    batch("1", Outcome.COMPLETE);

    assertThat(releasedIds()).containsExactly("1", "2");
  }

  @Test
  @DisplayName(
      "a timed-out transaction counts as complete with what it has: it leaves in its place and lets the later ones go")
  void timedOutCountsAsComplete() {
    end("1");
    end("2");
    batch("2", Outcome.COMPLETE);

    batch("1", Outcome.TIMED_OUT);

    assertThat(releasedIds()).containsExactly("1", "2");
    assertThat(released).allMatch(Release::inOrder);
  }

  @Test
  @DisplayName(
      "batches without a place (no END within max-wait, late events) leave at once, outside commit order")
  void unorderedLeaveAtOnce() {
    end("1");

    batch("2", Outcome.NO_END);
    batch("3", Outcome.LATE);

    assertThat(releasedIds()).containsExactly("2", "3");
    assertThat(released).noneMatch(Release::inOrder);
    assertThat(state.head().transactionId()).isEqualTo("1");
  }

  @Test
  @DisplayName(
      "the END of a transaction that left without one is settled by its empty ANSWERED batch")
  void answeredSettlesPlace() {
    batch("1", Outcome.NO_END);
    end("1");
    end("2");
    batch("2", Outcome.COMPLETE);
    assertThat(releasedIds()).containsExactly("1");

    batch("1", Outcome.ANSWERED);

    assertThat(releasedIds()).containsExactly("1", "1", "2");
    assertThat(released.get(1).batch().attributed()).isEmpty();
    assertThat(state.pending()).isZero();
  }

  @Test
  @DisplayName(
      "a repeated END (connector redelivery) is dropped, whether its place is still queued or already released")
  void repeatedEndDropped() {
    end("1");
    end("1");
    batch("1", Outcome.COMPLETE);
    end("1");

    assertThat(releasedIds()).containsExactly("1");
    assertThat(state.pending()).isZero();
  }

  @Test
  @DisplayName(
      "a place whose batch never comes is given up on after the patience; later ones leave, and its batch if it comes leaves unordered")
  void placeGivenUp() {
    end("1");
    end("2", T0 + 100);
    batch("2", Outcome.COMPLETE);
    assertThat(order.nextDeadline(state)).isEqualTo(T0 + PATIENCE);

    time(T0 + PATIENCE - 1);
    assertThat(released).isEmpty();
    time(T0 + PATIENCE);

    assertThat(gaveUp).containsExactly("1");
    assertThat(releasedIds()).containsExactly("2");
    assertThat(order.nextDeadline(state)).isNull();

    batch("1", Outcome.COMPLETE, T0 + PATIENCE + 1);
    assertThat(releasedIds()).containsExactly("2", "1");
    assertThat(released.get(1).inOrder()).isFalse();
    assertThat(state.pending()).isZero();
  }

  @Test
  @DisplayName(
      "a place waits past the patience while other batches keep coming (its own queued behind them), and is given up only after the join was silent for the patience")
  void patienceCountsTheJoinsSilence() {
    end("1");
    end("2");
    end("3");
    batch("2", Outcome.COMPLETE, T0 + PATIENCE - 10);
    time(T0 + PATIENCE);
    assertThat(gaveUp).isEmpty();
    assertThat(order.nextDeadline(state)).isEqualTo(T0 + 2 * PATIENCE - 10);

    batch("1", Outcome.COMPLETE, T0 + PATIENCE + 500);
    assertThat(releasedIds()).containsExactly("1", "2");
    assertThat(released).allMatch(Release::inOrder);

    time(T0 + 3 * PATIENCE);
    assertThat(gaveUp).containsExactly("3");
  }

  @Test
  @DisplayName("a batch whose END never reaches the sequencer leaves unordered after the patience")
  void endNeverArrives() {
    batch("1", Outcome.COMPLETE);
    assertThat(order.nextDeadline(state)).isEqualTo(T0 + PATIENCE);

    time(T0 + PATIENCE);

    assertThat(releasedIds()).containsExactly("1");
    assertThat(released.get(0).inOrder()).isFalse();
    assertThat(state.pending()).isZero();
    assertThat(order.nextDeadline(state)).isNull();
  }

  @Test
  @DisplayName(
      "a bulk transaction of 10,000 changes leaves as one batch in its place, its changes in commit order")
  void bulkTransaction() {
    end("1");
    end("2");
    collect(order.onBatch(batchOf("2", Outcome.COMPLETE, 10_000), T0, state));
    collect(order.onBatch(batchOf("1", Outcome.COMPLETE, 1), T0, state));

    assertThat(releasedIds()).containsExactly("1", "2");
    assertThat(released.get(1).batch().attributed()).hasSize(10_000);
    assertThat(released.get(1).batch().events())
        .isSortedAccordingTo(Comparator.comparing(e -> ((RowChange) e).txOrder()));
  }
}
