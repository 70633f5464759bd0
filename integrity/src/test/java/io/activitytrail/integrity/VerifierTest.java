package io.activitytrail.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.SourcePosition;
import io.activitytrail.integrity.Verification.Kind;
import io.activitytrail.integrity.Verification.Problem;
import io.activitytrail.integrity.Verification.Verdict;
import io.activitytrail.integrity.Verifier.SignedInterval;
import io.activitytrail.integrity.Verifier.StoredEvent;
import io.activitytrail.schemas.ContractClasses;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each way a stored history can be tampered with, and what the verifier says of it. */
class VerifierTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final KeyPair KEY = Keys.generate();
  private static final String KEY_ID = Keys.keyId(KEY.getPublic());
  private static final Map<String, PublicKey> RING = Map.of(KEY_ID, KEY.getPublic());
  private static final Function<String, Optional<String>> NOWHERE = id -> Optional.empty();

  static {
    ContractClasses.trust(); // Avro's deep copies of the contract classes
  }

  /** A workspace's pipeline output: 10 events, checkpoints after the 4th, 8th and 10th. */
  private final List<SignedInterval> intervals = new ArrayList<>();

  private final List<StoredEvent> stored = new ArrayList<>();

  VerifierTest() {
    WorkspaceLog log = WorkspaceLog.empty("acme");
    List<LeafEntry> entries = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ActivityEvent e = event("e" + i, i, i == 9 ? 1 : 365);
      WorkspaceLog.Appended appended = log.append(e, e.getRetentionDays());
      log = appended.log();
      entries.add(appended.entry());
      stored.add(new StoredEvent(appended.entry().seq(), e));
      if (i == 3 || i == 7 || i == 9) {
        WorkspaceLog.Signed signed =
            log.checkpoint(T0.plusSeconds(60 + i), KEY.getPrivate(), KEY_ID, entries);
        log = signed.log();
        intervals.add(signed.interval());
        entries.clear();
      }
    }
  }

  private static ActivityEvent event(String id, int minute, int retentionDays) {
    return ActivityEvent.newBuilder()
        .setEventId(id)
        .setChangeId("c-" + id)
        .setWorkspaceId("acme")
        .setOccurredAt(T0.plusSeconds(60L * minute))
        .setProcessedAt(T0.plusSeconds(60L * minute + 1))
        .setCategory(Category.activity)
        .setType("status_changed")
        .setRecordType("ticket")
        .setRecordId("42")
        .setActor(
            Actor.newBuilder()
                .setType("user")
                .setId("7")
                .setSource("context")
                .setExtra(new HashMap<>())
                .build())
        .setChanges(
            new ArrayList<>(
                List.of(
                    FieldChange.newBuilder()
                        .setField("status")
                        .setOld("open")
                        .setNew$("pending")
                        .build())))
        .setDetails(new HashMap<>())
        .setSource(
            SourcePosition.newBuilder()
                .setConnector("helpdesk")
                .setLsn(1000L + minute)
                .setTopic("helpdesk.helpdesk.tickets")
                .setPartition(0)
                .setOffset(minute)
                .build())
        .setRetentionDays(retentionDays)
        .build();
  }

  private Verification verify(Instant now) {
    return Verifier.verify("acme", intervals, stored, RING, null, NOWHERE, now);
  }

  private Verification verify() {
    return verify(T0.plusSeconds(3600));
  }

  private static ActivityEvent copy(ActivityEvent e) {
    return ActivityEvent.newBuilder(e).build();
  }

  @Test
  @DisplayName("the untouched history is valid: 10 events checked, 3 checkpoints, no problem")
  void untouched() {
    Verification v = verify();
    assertThat(v.verdict()).isEqualTo(Verdict.VALID);
    assertThat(v.eventsChecked()).isEqualTo(10);
    assertThat(v.checkpointsChecked()).isEqualTo(3);
    assertThat(v.problems()).isEmpty();
  }

  @Test
  @DisplayName("a replay (same event, another processing time and Kafka offset) changes nothing")
  void replayIsTheSameLeaf() {
    ActivityEvent replay = copy(stored.get(2).event());
    replay.setProcessedAt(T0.plusSeconds(99_999));
    replay.getSource().setOffset(777L);
    stored.set(2, new StoredEvent(2L, replay));
    assertThat(verify().verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  @DisplayName("one field of one event changed: MODIFIED, naming the event and its sequence number")
  void modified() {
    ActivityEvent changed = copy(stored.get(5).event());
    changed.getChanges().get(0).setNew$("solved");
    stored.set(5, new StoredEvent(5L, changed));

    Verification v = verify();
    assertThat(v.verdict()).isEqualTo(Verdict.TAMPERED);
    assertThat(v.problems())
        .extracting(Problem::kind, Problem::seq, Problem::eventId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.MODIFIED, 5L, "e5"));
  }

  @Test
  @DisplayName(
      "a signed event removed: DELETED; one removed after its retention: expired, still valid")
  void deletedAndExpired() {
    stored.remove(3);
    Verification v = verify();
    assertThat(v.problems())
        .extracting(Problem::kind, Problem::seq, Problem::eventId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.DELETED, 3L, "e3"));

    stored.add(3, new StoredEvent(3L, event("e3", 3, 365)));
    stored.remove(9); // e9 was kept for 1 day
    Verification later = verify(T0.plusSeconds(3 * 86_400));
    assertThat(later.verdict()).isEqualTo(Verdict.VALID);
    assertThat(later.expired()).isEqualTo(1);
  }

  @Test
  @DisplayName("a forged event, with a free or a taken sequence number or none: INSERTED")
  void inserted() {
    stored.add(new StoredEvent(4L, event("forged-1", 4, 365)));
    stored.add(new StoredEvent(null, event("forged-2", 4, 365)));

    Verification v = verify();
    assertThat(v.problems())
        .extracting(Problem::kind, Problem::eventId)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Kind.INSERTED, "forged-1"),
            org.assertj.core.groups.Tuple.tuple(Kind.INSERTED, "forged-2"));
  }

  @Test
  @DisplayName("two events' sequence numbers swapped: REORDERED, each with where it was signed")
  void reordered() {
    StoredEvent a = stored.get(1);
    StoredEvent b = stored.get(6);
    stored.set(1, new StoredEvent(6L, a.event()));
    stored.set(6, new StoredEvent(1L, b.event()));

    assertThat(verify().problems())
        .extracting(Problem::kind, Problem::seq, Problem::eventId)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Kind.REORDERED, 6L, "e1"),
            org.assertj.core.groups.Tuple.tuple(Kind.REORDERED, 1L, "e6"));
  }

  @Test
  @DisplayName("an event moved to another workspace: MOVED, naming where it is now")
  void moved() {
    stored.remove(7);
    Verification v =
        Verifier.verify(
            "acme",
            intervals,
            stored,
            RING,
            null,
            id -> id.equals("e7") ? Optional.of("globex") : Optional.empty(),
            T0.plusSeconds(3600));
    assertThat(v.problems())
        .extracting(Problem::kind, Problem::seq, Problem::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Kind.MOVED, 7L, "event e7 (sequence 7) is now stored under workspace globex"));
  }

  @Test
  @DisplayName(
      "a checkpoint deleted from the middle: MISSING_CHECKPOINT, and later events cannot be vouched for")
  void missingCheckpoint() {
    intervals.remove(1);
    Verification v = verify();
    assertThat(v.verdict()).isEqualTo(Verdict.TAMPERED);
    assertThat(v.problems()).extracting(Problem::kind).contains(Kind.MISSING_CHECKPOINT);
    assertThat(v.problems())
        .filteredOn(p -> p.kind() == Kind.MISSING_CHECKPOINT)
        .extracting(Problem::checkpoint)
        .containsExactly(2L);
  }

  @Test
  @DisplayName(
      "a checkpoint's root or recorded leaves altered: CHECKPOINT_ALTERED; another key: UNKNOWN_KEY")
  void alteredCheckpoint() {
    Checkpoint first = intervals.get(0).checkpoint();
    byte[] root = first.root();
    root[0] ^= 1;
    Checkpoint forged =
        new Checkpoint(
            first.workspaceId(),
            first.number(),
            first.treeSize(),
            root,
            first.previous(),
            first.lastOccurredAt(),
            first.issuedAt(),
            first.keyId(),
            first.signature());
    intervals.set(0, new SignedInterval(forged, intervals.get(0).entries()));
    assertThat(verify().problems())
        .extracting(Problem::kind, Problem::checkpoint)
        .contains(org.assertj.core.groups.Tuple.tuple(Kind.CHECKPOINT_ALTERED, 1L));

    KeyPair other = Keys.generate();
    Checkpoint resigned =
        Keys.sign(
            new Checkpoint(
                first.workspaceId(),
                1,
                first.treeSize(),
                first.root(),
                first.previous(),
                first.lastOccurredAt(),
                first.issuedAt(),
                Keys.keyId(other.getPublic()),
                null),
            other.getPrivate());
    intervals.set(0, new SignedInterval(resigned, intervals.get(0).entries()));
    assertThat(verify().problems()).extracting(Problem::kind).contains(Kind.UNKNOWN_KEY);
  }

  @Test
  @DisplayName(
      "a history rewritten and re-signed with the real key after a reader pinned a checkpoint: HISTORY_REWRITTEN")
  void rewrittenSincePin() {
    Checkpoint pinned = intervals.get(1).checkpoint();
    // rewrite everything from event 5 on, and sign it all again with the real key
    List<SignedInterval> rewritten = new ArrayList<>();
    List<StoredEvent> events = new ArrayList<>();
    WorkspaceLog log = WorkspaceLog.empty("acme");
    List<LeafEntry> entries = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ActivityEvent e = i < 5 ? stored.get(i).event() : event("rewritten-" + i, i, 365);
      WorkspaceLog.Appended appended = log.append(e, 365);
      log = appended.log();
      entries.add(appended.entry());
      events.add(new StoredEvent(appended.entry().seq(), e));
      if (i == 3 || i == 7 || i == 9) {
        WorkspaceLog.Signed signed =
            log.checkpoint(T0.plusSeconds(60 + i), KEY.getPrivate(), KEY_ID, entries);
        log = signed.log();
        rewritten.add(signed.interval());
        entries.clear();
      }
    }
    Verification v =
        Verifier.verify("acme", rewritten, events, RING, pinned, NOWHERE, T0.plusSeconds(3600));
    assertThat(v.problems())
        .extracting(Problem::kind, Problem::checkpoint)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.HISTORY_REWRITTEN, 2L));
  }

  @Test
  @DisplayName(
      "stored without sequence numbers, events take their entries' by id; one no entry names is pending when newer than every signed event, inserted when older")
  void numbersFromTheEntries() {
    stored.replaceAll(s -> new StoredEvent(null, s.event()));
    assertThat(verify().verdict()).isEqualTo(Verdict.VALID);

    stored.add(new StoredEvent(null, event("late", 30, 365)));
    assertThat(verify().verdict()).isEqualTo(Verdict.INCOMPLETE);
    stored.add(new StoredEvent(null, event("forged", 5, 365)));
    assertThat(verify().problems())
        .extracting(Problem::kind, Problem::eventId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.INSERTED, "forged"));
  }

  @Test
  @DisplayName(
      "an event the API wrote itself (an export's audit event) is counted as unsigned: INCOMPLETE, never valid")
  void writtenByTheApi() {
    ActivityEvent export = event("export-1", 5, 365);
    export.getSource().setConnector(Verifier.WRITTEN_BY_API);
    stored.add(new StoredEvent(null, export));

    Verification v = verify();
    assertThat(v.verdict()).isEqualTo(Verdict.INCOMPLETE);
    assertThat(v.unsigned()).isEqualTo(1);
    assertThat(v.problems()).isEmpty();
  }

  @Test
  @DisplayName(
      "events stored before signing began (older than every signed event) are unsigned, not inserted: an upgraded store reads INCOMPLETE")
  void olderThanSigning() {
    stored.add(new StoredEvent(null, event("before-1", -60, 365)));
    Verification v = verify();
    assertThat(v.verdict()).isEqualTo(Verdict.INCOMPLETE);
    assertThat(v.unsigned()).isEqualTo(1);
    assertThat(v.problems()).isEmpty();
  }

  @Test
  @DisplayName("events newer than the last checkpoint are pending: INCOMPLETE, not tampered")
  void pending() {
    intervals.remove(2);
    Verification v = verify();
    assertThat(v.verdict()).isEqualTo(Verdict.INCOMPLETE);
    assertThat(v.pending()).isEqualTo(2);
    assertThat(v.eventsChecked()).isEqualTo(8);
  }
}
