package io.activitytrail.flink.operators;

import static io.activitytrail.flink.Changes.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.flink.Fixtures;
import io.activitytrail.flink.Strict;
import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.attribution.TransactionBatch;
import io.activitytrail.flink.attribution.TransactionBatch.Outcome;
import io.activitytrail.flink.classify.Classifier;
import io.activitytrail.flink.decode.AppEvent;
import io.activitytrail.flink.decode.Decoded;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.flink.decode.SourceRef;
import io.activitytrail.flink.reference.References;
import io.activitytrail.flink.types.TransactionBatchSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AttributionJoinTest {
  private static final Duration MAX_WAIT = Duration.ofSeconds(3);
  private static final String TX = "734";
  private static final String OTHER_TX = "735";

  private KeyedOneInputStreamOperatorTestHarness<String, Decoded, TransactionBatch> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        Strict.harness(
            new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new AttributionJoin(MAX_WAIT, Duration.ofMinutes(10))),
                new Routing.ByTransaction(),
                Types.STRING));
    // the batch's own serializer, as in the job (Flink's analysis sees a generic type)
    harness.setup(new TransactionBatchSerializer());
    harness.open();
    harness.setProcessingTime(1_000);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private void send(Decoded event) throws Exception {
    harness.processElement(new StreamRecord<>(event));
  }

  private List<TransactionBatch> output() {
    return harness.extractOutputValues();
  }

  private static List<Long> orders(TransactionBatch batch) {
    return batch.events().stream().map(e -> ((RowChange) e).txOrder()).toList();
  }

  @Test
  @DisplayName(
      "a complete transaction (context, changes, END) leaves at once as one batch, in commit order, with its context")
  void completeTransaction() throws Exception {
    send(begin(TX));
    send(context(TX, ADA));
    send(ticketUpdate(TX, 3, 43, "3", "3"));
    send(ticketUpdate(TX, 2, 42, "3", "3"));
    assertThat(output()).isEmpty();

    send(end(TX, 3));

    assertThat(output()).hasSize(1);
    TransactionBatch batch = output().get(0);
    assertThat(batch.outcome()).isEqualTo(Outcome.COMPLETE);
    assertThat(batch.transactionId()).isEqualTo(TX);
    assertThat(batch.endLsn()).as("its place in commit order").isEqualTo(endLsn(TX));
    assertThat(orders(batch)).containsExactly(2L, 3L);
    assertThat(batch.attributed()).extracting(Attributed::context).containsOnly(ADA);
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  @DisplayName(
      "END may arrive before the changes: the transaction leaves when the last event arrives")
  void endFirst() throws Exception {
    send(end(TX, 2));
    send(ticketUpdate(TX, 2, 42, "3", "3"));
    assertThat(output()).isEmpty();

    send(context(TX, ADA));

    assertThat(output()).extracting(TransactionBatch::outcome).containsExactly(Outcome.COMPLETE);
  }

  @Test
  @DisplayName(
      "without END or context, changes leave unordered after the bounded wait and are credited to the fallback column")
  void missingContext() throws Exception {
    send(ticketUpdate(TX, 2, 42, "3", "9"));
    harness.setProcessingTime(1_000 + MAX_WAIT.toMillis() - 1);
    assertThat(output()).isEmpty();

    harness.setProcessingTime(1_000 + MAX_WAIT.toMillis());

    assertThat(output()).hasSize(1);
    TransactionBatch batch = output().get(0);
    assertThat(batch.outcome()).isEqualTo(Outcome.NO_END);
    assertThat(batch.outcome().ordered()).isFalse();
    assertThat(batch.context()).isNull();
    List<ActivityEvent> events =
        new Classifier(Fixtures.mapping())
            .classify((RowChange) batch.events().get(0), null, References.NONE, Instant.EPOCH);
    assertThat(events.get(0).getActor().getId()).isEqualTo("9");
    assertThat(events.get(0).getActor().getSource()).isEqualTo("column");
  }

  @Test
  @DisplayName(
      "a transaction whose END was seen but whose events did not all arrive leaves TIMED_OUT, in its place in commit order")
  void timedOutWithEnd() throws Exception {
    send(context(TX, ADA));
    send(end(TX, 3));
    send(ticketUpdate(TX, 2, 42, "3", "3"));

    harness.setProcessingTime(1_000 + MAX_WAIT.toMillis());

    assertThat(output()).hasSize(1);
    assertThat(output().get(0).outcome()).isEqualTo(Outcome.TIMED_OUT);
    assertThat(output().get(0).outcome().ordered()).isTrue();
    assertThat(output().get(0).events()).hasSize(1);
  }

  @Test
  @DisplayName(
      "a deadline that fires late (the task was stalled) is put off once, so an END that queued during the stall still completes the transaction in order")
  void lateDeadlineReadsQueuedInputFirst() throws Exception {
    send(ticketUpdate(TX, 1, 42, "3", "3"));
    long stalledUntil = 1_000 + MAX_WAIT.toMillis() + 5_000;

    harness.setProcessingTime(stalledUntil);
    assertThat(output()).as("put off, not let go").isEmpty();
    send(end(TX, 1));

    assertThat(output()).extracting(TransactionBatch::outcome).containsExactly(Outcome.COMPLETE);
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  @DisplayName(
      "a late deadline with nothing queued lets the transaction go once the short grace has passed")
  void lateDeadlineWithNothingQueued() throws Exception {
    send(ticketUpdate(TX, 1, 42, "3", "3"));
    long stalledUntil = 1_000 + MAX_WAIT.toMillis() + 5_000;
    harness.setProcessingTime(stalledUntil);

    harness.setProcessingTime(stalledUntil + AttributionJoin.STALL_MILLIS);

    assertThat(output()).extracting(TransactionBatch::outcome).containsExactly(Outcome.NO_END);
  }

  @Test
  @DisplayName(
      "after leaving, buffer, counters and timer are cleared; only the TTL'd context memory stays")
  void stateCleared() throws Exception {
    send(ticketUpdate(TX, 2, 42, "3", "3"));
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
    harness.setProcessingTime(1_000 + MAX_WAIT.toMillis());

    assertThat(harness.numProcessingTimeTimers()).isZero();
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a complete transaction without any context (direct SQL) leaves at once, not after the wait")
  void completeWithoutContext() throws Exception {
    send(ticketUpdate(TX, 1, 42, "3", "3"));
    send(end(TX, 1));

    assertThat(output()).hasSize(1);
    assertThat(output().get(0).context()).isNull();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  @DisplayName("an END counting no events answers its transaction at once with an empty batch")
  void emptyTransaction() throws Exception {
    send(end(TX, 0));

    assertThat(output()).extracting(TransactionBatch::outcome).containsExactly(Outcome.COMPLETE);
    assertThat(output().get(0).events()).isEmpty();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  @DisplayName("a slow transaction does not hold back a fast one")
  void slowDoesNotBlockFast() throws Exception {
    send(ticketUpdate(TX, 2, 42, "3", "3"));

    send(context(OTHER_TX, ADA));
    send(ticketUpdate(OTHER_TX, 2, 77, "3", "3"));
    send(end(OTHER_TX, 2));

    assertThat(output()).extracting(TransactionBatch::transactionId).containsExactly(OTHER_TX);
    harness.setProcessingTime(1_000 + MAX_WAIT.toMillis());
    assertThat(output()).extracting(TransactionBatch::transactionId).containsExactly(OTHER_TX, TX);
  }

  @Test
  @DisplayName(
      "a late change of a transaction already let go leaves at once, unordered, with the remembered context")
  void lateChange() throws Exception {
    send(context(TX, ADA));
    send(ticketUpdate(TX, 2, 42, "3", "3"));
    send(end(TX, 2));
    assertThat(output()).hasSize(1);

    send(ticketUpdate(TX, 3, 43, "3", "3"));

    assertThat(output()).hasSize(2);
    assertThat(output().get(1).outcome()).isEqualTo(Outcome.LATE);
    assertThat(output().get(1).context()).isEqualTo(ADA);
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  @DisplayName(
      "a context arriving after the wait is remembered for the transaction's later stragglers")
  void lateContext() throws Exception {
    send(ticketUpdate(TX, 2, 42, "3", "3"));
    harness.setProcessingTime(1_000 + MAX_WAIT.toMillis());
    send(context(TX, ADA));

    send(ticketUpdate(TX, 3, 43, "3", "3"));

    assertThat(output()).extracting(TransactionBatch::context).containsExactly(null, ADA);
  }

  @Test
  @DisplayName(
      "every END is answered exactly once: an END after the transaction left without one gets an empty ANSWERED batch, a repeated END nothing")
  void everyEndAnsweredOnce() throws Exception {
    send(ticketUpdate(TX, 2, 42, "3", "3"));
    harness.setProcessingTime(1_000 + MAX_WAIT.toMillis());

    send(end(TX, 2));
    send(end(TX, 2));

    assertThat(output())
        .extracting(TransactionBatch::outcome)
        .containsExactly(Outcome.NO_END, Outcome.ANSWERED);
    assertThat(output().get(1).events()).isEmpty();
    assertThat(output().get(1).endLsn()).isEqualTo(endLsn(TX));
    assertThat(output().get(0).endLsn()).isNull();
  }

  @Test
  @DisplayName(
      "a repeated END of a complete transaction (connector redelivery) is not answered again")
  void repeatedEndOfCompleteTransaction() throws Exception {
    send(ticketUpdate(TX, 1, 42, "3", "3"));
    send(end(TX, 1));

    send(end(TX, 1));

    assertThat(output()).extracting(TransactionBatch::outcome).containsExactly(Outcome.COMPLETE);
  }

  @Test
  @DisplayName(
      "a trail.event message inside a transaction leaves with it, in commit order among its changes")
  void appEventInTransaction() throws Exception {
    AppEvent login =
        new AppEvent(
            "helpdesk",
            TX,
            new LinkedHashMap<>(java.util.Map.of("type", "role_changed", "workspace_id", "acme")),
            0L,
            10L,
            "hash",
            2L,
            new SourceRef("helpdesk.message", 0, 5));
    send(ticketUpdate(TX, 3, 42, "3", "3"));
    send(login);
    send(ticketUpdate(TX, 1, 41, "3", "3"));
    assertThat(output()).isEmpty();

    send(end(TX, 3));

    assertThat(output().get(0).events())
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("RowChange", "AppEvent", "RowChange");
    assertThat(output().get(0).attributed().get(1).context()).isNull();
  }
}
