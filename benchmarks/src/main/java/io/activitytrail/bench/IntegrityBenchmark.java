package io.activitytrail.bench;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.SourcePosition;
import io.activitytrail.integrity.CanonicalEvent;
import io.activitytrail.integrity.Keys;
import io.activitytrail.integrity.LeafEntry;
import io.activitytrail.integrity.WorkspaceLog;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The tamper-evidence step per event on one thread (docs/integrity.md): {@code leaf} is the
 * canonical bytes and their RFC 6962 leaf hash; {@code append} adds the tree step and the entry
 * (what the job would do per event, the frontier kept small by signing every 1,000 events here);
 * {@code sign} is one Ed25519-signed checkpoint. Events: a status change with a realistic actor.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class IntegrityBenchmark {
  private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
  private static final int EVENTS = 1_024;

  private final KeyPair key = Keys.generate();
  private final String keyId = Keys.keyId(key.getPublic());
  private ActivityEvent[] events;
  private WorkspaceLog log;
  private final List<LeafEntry> entries = new ArrayList<>();
  private int next;

  @Setup
  public void setUp() {
    events = new ActivityEvent[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      events[i] = event(i);
    }
    log = WorkspaceLog.empty("acme");
  }

  @Benchmark
  public byte[] leaf() {
    return CanonicalEvent.leaf(events[next++ & (EVENTS - 1)]);
  }

  @Benchmark
  public WorkspaceLog append() {
    WorkspaceLog.Appended appended = log.append(events[next++ & (EVENTS - 1)], 365);
    log = appended.log();
    entries.add(appended.entry());
    if (entries.size() == 1_000) {
      log = log.checkpoint(START, key.getPrivate(), keyId, entries).log();
      entries.clear();
    }
    return log;
  }

  @Benchmark
  public WorkspaceLog.Signed sign() {
    return log.checkpoint(START, key.getPrivate(), keyId, List.of());
  }

  private static ActivityEvent event(int i) {
    return ActivityEvent.newBuilder()
        .setEventId("ev-" + i)
        .setChangeId("chg-" + i)
        .setWorkspaceId("acme")
        .setOccurredAt(START.plusMillis(i * 250L))
        .setProcessedAt(START.plusMillis(i * 250L + 300))
        .setCategory(Category.activity)
        .setType("status_changed")
        .setRecordType("ticket")
        .setRecordId(Integer.toString(1000 + i % 97))
        .setRecordDisplay("#" + (1000 + i % 97) + " Printer on fire")
        .setActor(
            Actor.newBuilder()
                .setType("user")
                .setId(Integer.toString(i % 13))
                .setName("Agent " + i % 13)
                .setIp("203.0.113." + i % 13)
                .setUserAgent("Mozilla/5.0 (X11; Linux x86_64)")
                .setRequestId("req-" + i)
                .setChannel("web")
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
        .setDetails(new HashMap<>(Map.of("via", "web")))
        .setTransactionId("734:" + i)
        .setSource(
            SourcePosition.newBuilder()
                .setConnector("helpdesk")
                .setSchema$("helpdesk")
                .setTable("tickets")
                .setLsn(10_000L + i)
                .setTxOrder(1L)
                .setTopic("helpdesk.helpdesk.tickets")
                .setPartition(0)
                .setOffset(i)
                .build())
        .build();
  }
}
