package io.activitytrail.flink.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.clickhouse.CheckpointRows;
import io.activitytrail.clickhouse.JsonEachRow;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.SourcePosition;
import io.activitytrail.integrity.Keys;
import io.activitytrail.integrity.Verifier.SignedInterval;
import io.activitytrail.integrity.WorkspaceLog;
import io.activitytrail.schemas.ContractTopics;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CheckpointRecordSerializerTest {

  @Test
  @DisplayName(
      "a checkpoint goes to trail.checkpoints keyed workspace/number, its value one JSON object that reads back as the signed checkpoint with its entries")
  void record() {
    KeyPair key = Keys.generate();
    WorkspaceLog.Appended appended = WorkspaceLog.empty("acme").append(event(), 365);
    SignedInterval interval =
        appended
            .log()
            .checkpoint(
                Instant.parse("2026-12-08T10:00:10Z"),
                key.getPrivate(),
                Keys.keyId(key.getPublic()),
                List.of(appended.entry()))
            .interval();

    ProducerRecord<byte[], byte[]> record =
        new CheckpointRecordSerializer().serialize(interval, null, null);

    assertThat(record.topic()).isEqualTo(ContractTopics.CHECKPOINTS);
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("acme/1");
    assertThat(record.timestamp()).isEqualTo(Instant.parse("2026-12-08T10:00:10Z").toEpochMilli());
    assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("\n");
    SignedInterval back = CheckpointRows.fromRow(JsonEachRow.parse(record.value()).get(0));
    assertThat(back.checkpoint().sameAs(interval.checkpoint())).isTrue();
    assertThat(back.entries()).hasSize(1);
  }

  private static ActivityEvent event() {
    Instant at = Instant.parse("2026-12-08T10:00:00Z");
    return ActivityEvent.newBuilder()
        .setEventId("e1")
        .setChangeId("c1")
        .setWorkspaceId("acme")
        .setOccurredAt(at)
        .setProcessedAt(at)
        .setCategory(Category.activity)
        .setType("updated")
        .setRecordType("ticket")
        .setRecordId("1")
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
                .setLsn(100L)
                .setTopic("t")
                .setPartition(0)
                .setOffset(0)
                .build())
        .build();
  }
}
