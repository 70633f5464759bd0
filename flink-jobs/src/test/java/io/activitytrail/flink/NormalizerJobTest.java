package io.activitytrail.flink;

import static io.activitytrail.flink.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.flink.deadletter.DeadLetter;
import io.activitytrail.flink.source.RawRecord;
import io.activitytrail.flink.types.TrailTypes;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NormalizerJobTest {
  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @Test
  @DisplayName(
      "compose turns a stream of CDC records into attributed activities and dead-letters the unreadable ones")
  void endToEnd() throws Exception {
    RawRecord malformed = record(TICKETS_TOPIC, "malformed.txt", 7);
    malformed.headers().put("trace", new byte[] {42});
    List<RawRecord> records =
        List.of(
            record(TRANSACTION_TOPIC, "transaction-begin.json", 0),
            record(TICKETS_TOPIC, "ticket-update.json", 1),
            malformed,
            record(MESSAGE_TOPIC, "context-message.json", 2),
            record(TRANSACTION_TOPIC, "transaction-end.json", 3),
            new RawRecord(TICKETS_TOPIC, 0, 8, 0L, new byte[] {1}, null, new LinkedHashMap<>()),
            record(TICKETS_TOPIC, "ticket-snapshot-read.json", 9),
            record(TICKETS_TOPIC, "unknown-table.json", 10),
            record(MESSAGE_TOPIC, "login-failed-message.json", 11));
    StreamExecutionEnvironment env = Strict.environment();
    env.setParallelism(2);
    CollectingSink<ActivityEvent> activities = new CollectingSink<>();
    CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();

    NormalizerJob.compose(
        env.fromData(records, TrailTypes.RAW_RECORD).setParallelism(1),
        new Configuration(),
        activities,
        deadLetters);
    env.execute("normalizer-test");

    assertThat(activities.values())
        .extracting(
            e ->
                e.getType()
                    + " "
                    + e.getRecordType()
                    + " "
                    + e.getRecordId()
                    + " by "
                    + e.getActor().getSource()
                    + ":"
                    + e.getActor().getId())
        .containsExactlyInAnyOrder(
            "status_changed ticket 42 by context:5",
            "assigned ticket 42 by context:5",
            "created ticket 42 by column:3",
            "login_failed team_member ada@acme.test by context:ada@acme.test");
    assertThat(deadLetters.values())
        .extracting(DeadLetter::offset)
        .containsExactlyInAnyOrder(7L, 10L);
    DeadLetter letter =
        deadLetters.values().stream().filter(d -> d.offset() == 7L).findFirst().orElseThrow();
    assertThat(letter.value()).isEqualTo(bytes("fixtures/malformed.txt"));
    assertThat(letter.topic()).isEqualTo(TICKETS_TOPIC);
    assertThat(letter.errorClass()).endsWith("DecodeException");
    assertThat(letter.errorMessage()).contains("record value is not valid JSON");
    assertThat(letter.headers()).containsKey("trace");
  }

  @Test
  @DisplayName(
      "names are as committed, whatever the arrival order: an assignment read before its assignee's earlier insert has the name; one read after a later rename keeps the old name")
  void namesFollowCommitOrder() throws Exception {
    CdcRecords cdc = new CdcRecords();
    List<RawRecord> records =
        List.of(
            // tx 801 inserts Bob, tx 802 assigns ticket 42 to him: the assignment is read first
            cdc.assignTicket("802", 1, 42, 5L, 9),
            cdc.end("801", 1),
            cdc.end("802", 1),
            cdc.user("801", 1, 9, null, "Bob Builder"),
            // tx 803 assigns ticket 43 to Bob, tx 804 renames him: the rename is read first
            cdc.user("804", 1, 9, "Bob Builder", "Robert Builder"),
            cdc.end("803", 1),
            cdc.end("804", 1),
            cdc.assignTicket("803", 1, 43, null, 9));
    StreamExecutionEnvironment env = Strict.environment();
    env.setParallelism(2);
    CollectingSink<ActivityEvent> activities = new CollectingSink<>();

    NormalizerJob.compose(
        env.fromData(records, TrailTypes.RAW_RECORD).setParallelism(1),
        new Configuration(),
        activities,
        new CollectingSink<>());
    env.execute("commit-order-test");

    assertThat(activities.values())
        .filteredOn(e -> e.getType().equals("assigned"))
        .extracting(
            e -> e.getRecordId() + " -> " + e.getChanges().get(0).getNewDisplay(),
            e -> e.getTransactionId())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("42 -> Bob Builder", "802"),
            org.assertj.core.groups.Tuple.tuple("43 -> Bob Builder", "803"));
  }
}
