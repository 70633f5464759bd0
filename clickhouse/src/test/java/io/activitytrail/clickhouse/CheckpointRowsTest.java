package io.activitytrail.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.SourcePosition;
import io.activitytrail.integrity.Keys;
import io.activitytrail.integrity.LeafEntry;
import io.activitytrail.integrity.Verifier.SignedInterval;
import io.activitytrail.integrity.WorkspaceLog;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CheckpointRowsTest {
  private final ClickHouse ch = TestClickHouse.open();

  @AfterEach
  void close() throws Exception {
    ch.close();
  }

  @Test
  @DisplayName(
      "a signed checkpoint with its entries is written by the sink's format and read back the same, signature and expiry included")
  void roundTrip() {
    String db = TestClickHouse.freshDatabase();
    ClickHouseMigrations.apply(ch, db);
    KeyPair key = Keys.generate();
    WorkspaceLog log = WorkspaceLog.empty("acme");
    List<LeafEntry> entries = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      WorkspaceLog.Appended a = log.append(event(i), i == 2 ? null : 365);
      log = a.log();
      entries.add(a.entry());
    }
    SignedInterval interval =
        log.checkpoint(
                Instant.parse("2026-12-08T10:00:10.123Z"),
                key.getPrivate(),
                Keys.keyId(key.getPublic()),
                entries)
            .interval();

    ch.insert(
        db + ".integrity_checkpoints",
        CheckpointRows.COLUMNS,
        CheckpointRows.toJsonEachRow(List.of(interval, interval)));
    List<Map<String, Object>> rows =
        ch.query(
            "SELECT "
                + String.join(", ", CheckpointRows.COLUMNS)
                + " FROM "
                + db
                + ".integrity_checkpoints FINAL",
            Map.of());

    assertThat(rows).as("a checkpoint published twice is one row").hasSize(1);
    SignedInterval back = CheckpointRows.fromRow(rows.get(0));
    assertThat(back.checkpoint().sameAs(interval.checkpoint())).isTrue();
    assertThat(Keys.check(back.checkpoint(), Map.of(Keys.keyId(key.getPublic()), key.getPublic())))
        .isEqualTo(Keys.SignatureCheck.VALID);
    assertThat(back.entries()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(back.entries().get(i).seq()).isEqualTo(entries.get(i).seq());
      assertThat(back.entries().get(i).eventId()).isEqualTo(entries.get(i).eventId());
      assertThat(back.entries().get(i).leaf()).isEqualTo(entries.get(i).leaf());
      assertThat(back.entries().get(i).expiresAt()).isEqualTo(entries.get(i).expiresAt());
    }
  }

  private static ActivityEvent event(int i) {
    Instant at = Instant.parse("2026-12-08T10:00:00Z").plusSeconds(i);
    return ActivityEvent.newBuilder()
        .setEventId("e" + i)
        .setChangeId("c" + i)
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
                .setLsn(100L + i)
                .setTopic("t")
                .setPartition(0)
                .setOffset(i)
                .build())
        .build();
  }
}
