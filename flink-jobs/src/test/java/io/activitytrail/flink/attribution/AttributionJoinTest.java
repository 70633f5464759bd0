package io.activitytrail.flink.attribution;

import static io.activitytrail.flink.Changes.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.flink.Fixtures;
import io.activitytrail.flink.classify.Classifier;
import io.activitytrail.flink.decode.Decoded;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.flink.operators.Routing;
import io.activitytrail.flink.reference.References;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AttributionJoinTest {
  private static final Duration MAX_WAIT = Duration.ofSeconds(3);
  private static final String TX = "734";
  private static final String OTHER_TX = "735:26412000";

  private KeyedOneInputStreamOperatorTestHarness<String, Decoded, Attributed> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new AttributionJoin(MAX_WAIT, Duration.ofMinutes(10)),
            new Routing.ByTransaction(),
            Types.STRING);
    harness.setProcessingTime(1_000);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private void send(Decoded event) throws Exception {
    harness.processElement(new StreamRecord<>(event));
  }

  private List<Attributed> output() {
    return harness.extractOutputValues();
  }

  @Test
  @DisplayName(
      "a complete transaction (context, changes, END) is emitted at once, in commit order, with its context")
  void completeTransaction() throws Exception {
    send(begin(TX));
    send(context(TX, ADA));
    send(ticketUpdate(TX, 3, 43, "3", "3"));
    send(ticketUpdate(TX, 2, 42, "3", "3"));
    assertThat(output()).isEmpty();

    send(end(TX, 3));

    assertThat(output()).extracting(a -> ((RowChange) a.event()).txOrder()).containsExactly(2L, 3L);
    assertThat(output()).extracting(Attributed::context).containsOnly(ADA);
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  @DisplayName(
      "END may arrive before the changes: the transaction is emitted when the last event arrives")
  void endFirst() throws Exception {
    send(end(TX, 2));
    send(ticketUpdate(TX, 2, 42, "3", "3"));
    assertThat(output()).isEmpty();

    send(context(TX, ADA));

    assertThat(output()).hasSize(1);
  }

  @Test
  @DisplayName(
      "without a context message, changes are emitted after the bounded wait and credited to the fallback column")
  void missingContext() throws Exception {
    send(ticketUpdate(TX, 2, 42, "3", "9"));
    harness.setProcessingTime(1_000 + MAX_WAIT.toMillis() - 1);
    assertThat(output()).isEmpty();

    harness.setProcessingTime(1_000 + MAX_WAIT.toMillis());

    assertThat(output()).hasSize(1);
    Attributed attributed = output().get(0);
    assertThat(attributed.context()).isNull();
    List<ActivityEvent> events =
        new Classifier(Fixtures.mapping())
            .classify(
                (RowChange) attributed.event(),
                attributed.context(),
                References.NONE,
                Instant.EPOCH);
    assertThat(events.get(0).getActor().getId()).isEqualTo("9");
    assertThat(events.get(0).getActor().getSource()).isEqualTo("column");
  }

  @Test
  @DisplayName(
      "after emitting, buffer, counters and timer are cleared; only the TTL'd context memory stays")
  void stateCleared() throws Exception {
    send(ticketUpdate(TX, 2, 42, "3", "3"));
    assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
    harness.setProcessingTime(1_000 + MAX_WAIT.toMillis());

    assertThat(harness.numProcessingTimeTimers()).isZero();
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "a complete transaction without any context (direct SQL) is emitted at once, not after the wait")
  void completeWithoutContext() throws Exception {
    send(ticketUpdate(TX, 1, 42, "3", "3"));
    send(end(TX, 1));

    assertThat(output()).hasSize(1);
    assertThat(output().get(0).context()).isNull();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  @Test
  @DisplayName("a slow transaction does not hold back a fast one")
  void slowDoesNotBlockFast() throws Exception {
    send(ticketUpdate(TX, 2, 42, "3", "3"));

    send(context(OTHER_TX, ADA));
    send(ticketUpdate(OTHER_TX, 2, 77, "3", "3"));
    send(end(OTHER_TX, 2));

    assertThat(output()).extracting(a -> a.event().transactionId()).containsExactly(OTHER_TX);
    harness.setProcessingTime(1_000 + MAX_WAIT.toMillis());
    assertThat(output()).extracting(a -> a.event().transactionId()).containsExactly(OTHER_TX, TX);
  }

  @Test
  @DisplayName(
      "a late change of an emitted transaction is emitted at once with the remembered context")
  void lateChange() throws Exception {
    send(context(TX, ADA));
    send(ticketUpdate(TX, 2, 42, "3", "3"));
    send(end(TX, 2));
    assertThat(output()).hasSize(1);

    send(ticketUpdate(TX, 3, 43, "3", "3"));

    assertThat(output()).hasSize(2);
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

    assertThat(output()).extracting(Attributed::context).containsExactly(null, ADA);
  }
}
