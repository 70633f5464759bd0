package io.activitytrail.flink.operators;

import static io.activitytrail.flink.Changes.ADA;
import static io.activitytrail.flink.Changes.ticketUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.flink.Changes;
import io.activitytrail.flink.Strict;
import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.attribution.TransactionBatch;
import io.activitytrail.flink.attribution.TransactionBatch.Outcome;
import io.activitytrail.flink.decode.SourceRef;
import io.activitytrail.flink.decode.TransactionBoundary;
import io.activitytrail.flink.types.AttributedSerializer;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommitSequencerTest {
  private static final Duration PATIENCE = Duration.ofSeconds(6);

  private static KeyedTwoInputStreamOperatorTestHarness<
          String, TransactionBoundary, TransactionBatch, Attributed>
      harness() throws Exception {
    var harness = unopened();
    harness.open();
    return harness;
  }

  private static KeyedTwoInputStreamOperatorTestHarness<
          String, TransactionBoundary, TransactionBatch, Attributed>
      unopened() throws Exception {
    var harness =
        Strict.harness(
            new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new CommitSequencer(PATIENCE, Duration.ofMinutes(10))),
                new Routing.Single<TransactionBoundary>(),
                new Routing.Single<TransactionBatch>(),
                Types.STRING));
    harness.setup(new AttributedSerializer());
    harness.setProcessingTime(1_000);
    return harness;
  }

  private static void end(
      KeyedTwoInputStreamOperatorTestHarness<
              String, TransactionBoundary, TransactionBatch, Attributed>
          harness,
      String tx)
      throws Exception {
    harness.processElement1(new StreamRecord<>(Changes.end(tx, 1)));
  }

  private static void batch(
      KeyedTwoInputStreamOperatorTestHarness<
              String, TransactionBoundary, TransactionBatch, Attributed>
          harness,
      String tx,
      long ticket,
      Outcome outcome)
      throws Exception {
    harness.processElement2(
        new StreamRecord<>(
            new TransactionBatch(
                tx,
                outcome,
                ADA,
                List.of(ticketUpdate(tx, 1, ticket, "3", "3")),
                outcome.ordered() ? Changes.endLsn(tx) : null)));
  }

  private static List<String> released(
      KeyedTwoInputStreamOperatorTestHarness<
              String, TransactionBoundary, TransactionBatch, Attributed>
          harness) {
    return harness.extractOutputValues().stream().map(a -> a.event().transactionId()).toList();
  }

  @Test
  @DisplayName(
      "a transaction back from the join before an earlier one waits for it; then both leave in commit order, and only the TTL'd memory stays")
  void releasesInCommitOrder() throws Exception {
    try (var harness = harness()) {
      end(harness, "601");
      end(harness, "602");
      batch(harness, "602", 42, Outcome.COMPLETE);
      assertThat(released(harness)).isEmpty();
      assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

      batch(harness, "601", 41, Outcome.COMPLETE);

      assertThat(released(harness)).containsExactly("601", "602");
      assertThat(harness.extractOutputValues()).extracting(Attributed::context).containsOnly(ADA);
      assertThat(harness.numProcessingTimeTimers()).isZero();
      assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName(
      "a place whose batch does not come within the patience is given up on: later transactions leave, its batch leaves unordered when it comes")
  void givesUpAfterPatience() throws Exception {
    try (var harness = harness()) {
      end(harness, "601");
      end(harness, "602");
      batch(harness, "602", 42, Outcome.COMPLETE);

      harness.setProcessingTime(1_000 + PATIENCE.toMillis() - 1);
      assertThat(released(harness)).isEmpty();
      harness.setProcessingTime(1_000 + PATIENCE.toMillis());
      assertThat(released(harness)).containsExactly("602");
      assertThat(harness.numProcessingTimeTimers()).isZero();

      batch(harness, "601", 41, Outcome.COMPLETE);
      assertThat(released(harness)).containsExactly("602", "601");
      assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a batch without a place (no END within max-wait) leaves at once")
  void unorderedAtOnce() throws Exception {
    try (var harness = harness()) {
      end(harness, "601");

      batch(harness, "700", 70, Outcome.NO_END);

      assertThat(released(harness)).containsExactly("700");
    }
  }

  @Test
  @DisplayName(
      "places and held batches survive a checkpoint and restore: the held transaction leaves after the earlier one, also after a restart")
  void survivesRestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (var harness = harness()) {
      end(harness, "601");
      end(harness, "602");
      batch(harness, "602", 42, Outcome.COMPLETE);
      snapshot = harness.snapshot(1, 10);
    }
    try (var restored = unopened()) {
      restored.initializeState(snapshot);
      restored.open();
      assertThat(restored.numProcessingTimeTimers()).isEqualTo(1);

      batch(restored, "601", 41, Outcome.COMPLETE);

      assertThat(released(restored)).containsExactly("601", "602");
      assertThat(restored.numProcessingTimeTimers()).isZero();
    }
  }

  @Test
  @DisplayName(
      "an END with a far too high LSN (a forged or corrupt marker) does not make later ENDs look repeated: they keep their places")
  void wrongLsnDoesNotPoisonOrder() throws Exception {
    try (var harness = harness()) {
      harness.processElement1(
          new StreamRecord<>(
              new TransactionBoundary(
                  "900",
                  TransactionBoundary.Status.END,
                  0L,
                  0L,
                  Long.MAX_VALUE / 2,
                  new SourceRef("helpdesk.transaction", 0, 1))));
      batch(harness, "900", 90, Outcome.COMPLETE);
      end(harness, "601");
      end(harness, "602");
      batch(harness, "602", 42, Outcome.COMPLETE);
      assertThat(released(harness)).containsExactly("900");

      batch(harness, "601", 41, Outcome.COMPLETE);

      assertThat(released(harness)).containsExactly("900", "601", "602");
    }
  }

  @Test
  @DisplayName("a repeated END (connector redelivery) gets no second place")
  void repeatedEndIgnored() throws Exception {
    try (var harness = harness()) {
      end(harness, "601");
      batch(harness, "601", 41, Outcome.COMPLETE);
      end(harness, "601");
      end(harness, "602");
      batch(harness, "602", 42, Outcome.COMPLETE);

      assertThat(released(harness)).containsExactly("601", "602");
      assertThat(harness.numProcessingTimeTimers()).isZero();
    }
  }
}
