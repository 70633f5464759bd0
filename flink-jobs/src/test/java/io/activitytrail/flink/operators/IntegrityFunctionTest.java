package io.activitytrail.flink.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.SourcePosition;
import io.activitytrail.flink.Strict;
import io.activitytrail.flink.types.SignedIntervalSerializer;
import io.activitytrail.integrity.Keys;
import io.activitytrail.integrity.Verification;
import io.activitytrail.integrity.Verifier;
import io.activitytrail.integrity.Verifier.SignedInterval;
import io.activitytrail.integrity.Verifier.StoredEvent;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IntegrityFunctionTest {
  private static final KeyPair KEY = Keys.generate();
  private static final long NOW = 1_000_000L;
  private static final Duration INTERVAL = Duration.ofSeconds(10);
  private static final Instant T0 = Instant.parse("2026-12-08T10:00:00Z");

  private static KeyedOneInputStreamOperatorTestHarness<String, ActivityEvent, SignedInterval>
      unopened() throws Exception {
    var harness =
        Strict.harness(
            new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                    new IntegrityFunction(
                        KEY.getPrivate().getEncoded(),
                        KEY.getPublic().getEncoded(),
                        INTERVAL,
                        Duration.ofMinutes(10))),
                new Routing.EventWorkspace(),
                Types.STRING));
    harness.setup(new SignedIntervalSerializer());
    return harness;
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, ActivityEvent, SignedInterval>
      harness() throws Exception {
    var harness = unopened();
    harness.open();
    harness.setProcessingTime(NOW);
    return harness;
  }

  private static ActivityEvent event(String workspace, int i) {
    return ActivityEvent.newBuilder()
        .setEventId(workspace + "-e" + i)
        .setChangeId("c" + i)
        .setWorkspaceId(workspace)
        .setOccurredAt(T0.plusSeconds(i))
        .setProcessedAt(T0.plusSeconds(i))
        .setCategory(Category.activity)
        .setType("updated")
        .setRecordType("ticket")
        .setRecordId("42")
        .setActor(
            Actor.newBuilder()
                .setType("user")
                .setId("7")
                .setSource("context")
                .setExtra(new HashMap<>())
                .build())
        .setChanges(new ArrayList<>())
        .setDetails(new HashMap<>())
        .setSource(
            SourcePosition.newBuilder()
                .setConnector("helpdesk")
                .setLsn(100L + i)
                .setTopic("t")
                .setPartition(0)
                .setOffset(i)
                .build())
        .setRetentionDays(365)
        .build();
  }

  private static void send(
      KeyedOneInputStreamOperatorTestHarness<String, ActivityEvent, SignedInterval> harness,
      ActivityEvent event)
      throws Exception {
    harness.processElement(new StreamRecord<>(event));
  }

  @Test
  @DisplayName(
      "a workspace's events are checkpointed after the interval, published only once two Flink checkpoints have completed since, and verify as valid")
  void signsAndPublishesWhenDurable() throws Exception {
    try (var harness = harness()) {
      List<StoredEvent> stored = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        ActivityEvent e = event("acme", i);
        send(harness, e);
        stored.add(new StoredEvent((long) i, e));
      }
      send(harness, event("acme", 2)); // a redelivered change: not a sixth leaf
      harness.setProcessingTime(NOW + INTERVAL.toMillis());
      assertThat(harness.extractOutputValues()).as("prepared, not yet durable").isEmpty();

      harness.notifyOfCompletedCheckpoint(1);
      harness.setProcessingTime(NOW + INTERVAL.toMillis() + 1_000);
      assertThat(harness.extractOutputValues()).isEmpty();
      harness.notifyOfCompletedCheckpoint(2);
      harness.setProcessingTime(NOW + INTERVAL.toMillis() + 2_000);

      List<SignedInterval> published = harness.extractOutputValues();
      assertThat(published).hasSize(1);
      assertThat(published.get(0).checkpoint().number()).isEqualTo(1);
      assertThat(published.get(0).checkpoint().treeSize()).isEqualTo(5);
      Verification v =
          Verifier.verify(
              "acme",
              published,
              stored,
              Map.of(Keys.keyId(KEY.getPublic()), KEY.getPublic()),
              null,
              id -> Optional.empty(),
              T0.plusSeconds(60));
      assertThat(v.verdict()).isEqualTo(Verification.Verdict.VALID);
      assertThat(harness.numProcessingTimeTimers()).isZero();
    }
  }

  @Test
  @DisplayName(
      "a checkpoint prepared before a restore is published after it, the same bytes; workspaces are numbered apart")
  void restoreRepublishesTheSame() throws Exception {
    OperatorSubtaskState snapshot;
    SignedInterval first;
    try (var harness = harness()) {
      send(harness, event("acme", 0));
      send(harness, event("globex", 0));
      harness.setProcessingTime(NOW + INTERVAL.toMillis());
      snapshot = harness.snapshot(3, NOW + INTERVAL.toMillis());
      harness.notifyOfCompletedCheckpoint(3);
      harness.setProcessingTime(NOW + INTERVAL.toMillis() + 1_000);
      assertThat(harness.extractOutputValues())
          .as("prepared after checkpoint 0 completed: 2 completions are enough")
          .hasSize(2);
      first =
          harness.extractOutputValues().stream()
              .filter(s -> s.checkpoint().workspaceId().equals("acme"))
              .findFirst()
              .orElseThrow();
    }
    try (var restored = unopened()) {
      restored.initializeState(snapshot);
      restored.open();
      restored.setProcessingTime(NOW + INTERVAL.toMillis() + 5_000);
      restored.notifyOfCompletedCheckpoint(4);
      restored.setProcessingTime(NOW + INTERVAL.toMillis() + 6_000);
      SignedInterval again =
          restored.extractOutputValues().stream()
              .filter(s -> s.checkpoint().workspaceId().equals("acme"))
              .findFirst()
              .orElseThrow();
      assertThat(again.checkpoint().sameAs(first.checkpoint())).isTrue();
      assertThat(again.checkpoint().number()).isEqualTo(1);
    }
  }
}
