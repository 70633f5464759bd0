package io.activitytrail.flink.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.Notification;
import io.activitytrail.event.NotificationChannel;
import io.activitytrail.event.SourcePosition;
import io.activitytrail.flink.Strict;
import io.activitytrail.notifications.Notifications;
import io.activitytrail.notifications.email.EmailBatching;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmailBatchFunctionTest {

  private static final long T0 = 1_000_000L;

  private static KeyedOneInputStreamOperatorTestHarness<String, Notification, List<Notification>>
      harness() throws Exception {
    var harness =
        Strict.harness(
            new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                    new EmailBatchFunction(
                        new EmailBatching(Duration.ofSeconds(60), Duration.ofMinutes(5), 20))),
                new Routing.ByRecipient(),
                Types.STRING));
    harness.setup(
        EmailBatchFunction.BATCH.createSerializer(
            new org.apache.flink.api.common.serialization.SerializerConfigImpl()));
    harness.open();
    harness.setProcessingTime(T0);
    return harness;
  }

  @Test
  @DisplayName(
      "a burst to one recipient leaves as one email once quiet, and the recipient's batching"
          + " state and timers are gone an hour later")
  void burstThenQuiet() throws Exception {
    try (var harness = harness()) {
      for (int i = 1; i <= 20; i++) {
        harness.setProcessingTime(T0 + i * 1_000L);
        harness.processElement(new StreamRecord<>(email("updated", "following", "6", i)));
      }
      assertThat(harness.extractOutputValues()).isEmpty();

      harness.setProcessingTime(T0 + 20_000 + 60_000);

      List<List<Notification>> emails = harness.extractOutputValues();
      assertThat(emails).hasSize(1);
      assertThat(emails.get(0))
          .extracting(n -> n.getActivity().getSource().getLsn())
          .containsExactlyElementsOf(
              java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
      assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

      harness.setProcessingTime(T0 + 20_000 + 60_000 + 3_600_000);
      assertThat(harness.numProcessingTimeTimers()).isZero();
      assertThat(harness.numKeyedStateEntries()).isZero();
    }
  }

  @Test
  @DisplayName("recipients batch apart: one's assignment goes at once, another's update waits")
  void perRecipient() throws Exception {
    try (var harness = harness()) {
      harness.processElement(new StreamRecord<>(email("assigned", "assigned", "6", 1)));
      harness.processElement(new StreamRecord<>(email("updated", "following", "7", 2)));

      assertThat(harness.extractOutputValues())
          .extracting(batch -> batch.get(0).getRecipientId())
          .containsExactly("6");
      harness.setProcessingTime(T0 + 60_000);
      assertThat(harness.extractOutputValues())
          .extracting(batch -> batch.get(0).getRecipientId())
          .containsExactly("6", "7");
    }
  }

  private static Notification email(String type, String reason, String recipient, long lsn) {
    ActivityEvent activity =
        ActivityEvent.newBuilder()
            .setEventId("e-" + lsn)
            .setChangeId("c-" + lsn)
            .setWorkspaceId("acme")
            .setOccurredAt(Instant.ofEpochMilli(1_764_100_000_000L + lsn))
            .setProcessedAt(Instant.ofEpochMilli(1_764_100_000_000L + lsn))
            .setCategory(Category.activity)
            .setType(type)
            .setRecordType("ticket")
            .setRecordId("42")
            .setActor(
                Actor.newBuilder()
                    .setType("user")
                    .setId("5")
                    .setSource("context")
                    .setExtra(new HashMap<>())
                    .build())
            .setChanges(new ArrayList<>())
            .setDetails(new HashMap<>())
            .setSource(
                SourcePosition.newBuilder()
                    .setConnector("helpdesk")
                    .setLsn(lsn)
                    .setTopic("helpdesk.helpdesk.tickets")
                    .setPartition(0)
                    .setOffset(lsn)
                    .build())
            .build();
    return Notification.newBuilder()
        .setNotificationId(
            Notifications.id(activity.getEventId(), recipient, NotificationChannel.email))
        .setWorkspaceId("acme")
        .setRecipientId(recipient)
        .setRecipientEmail(recipient + "@acme.test")
        .setChannel(NotificationChannel.email)
        .setReason(reason)
        .setCreatedAt(activity.getOccurredAt())
        .setActivity(activity)
        .build();
  }
}
