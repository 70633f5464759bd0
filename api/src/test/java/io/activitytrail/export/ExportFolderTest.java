package io.activitytrail.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.api.Role;
import io.activitytrail.clickhouse.FeedFilter;
import io.activitytrail.event.ActivityEvent;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFolderTest {

  // Relative to now: the table's TTL runs on the real clock.
  private static final Instant BASE =
      Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

  private final ExportStore store = new ExportStore();
  private final ExportFolder folder =
      new ExportFolder(new Exporter(store.queries), store.log, Clock.systemUTC());
  private final Requester auditor = new Requester("u-9", Role.auditor);

  private void insertActivities(String ws, int count) {
    List<ActivityEvent> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(Fixtures.activity(ws, BASE, i, i % 3 == 0));
      if (batch.size() == 10_000) {
        store.insert(batch);
        batch.clear();
      }
    }
    store.insert(batch);
  }

  @Test
  @DisplayName("the manifest names the file's rows, bytes, SHA-256, time range and requester")
  void manifestMatchesFile(@TempDir Path dir) throws Exception {
    insertActivities("acme", 5);
    FeedFilter filter = new FeedFilter("acme", null, null, null, BASE.plusSeconds(60), null);
    Manifest m =
        folder.export(new ExportQuery.Activities(filter), ExportFormat.jsonl, auditor, dir);
    Path file = dir.resolve("activities.jsonl");
    assertThat(m.files())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.name()).isEqualTo("activities.jsonl");
              assertThat(f.rows()).isEqualTo(4);
              assertThat(f.bytes()).isEqualTo(Files.size(file));
              assertThat(f.sha256()).isEqualTo(ManifestVerifier.sha256(file));
            });
    assertThat(Files.readAllLines(file)).hasSize(4);
    assertThat(m.timeRange().firstOccurredAt()).isEqualTo(ExportFilters.time(BASE.plusSeconds(60)));
    assertThat(m.filter()).containsEntry("from", List.of(ExportFilters.time(BASE.plusSeconds(60))));
    assertThat(m.requestedBy()).isEqualTo(new Manifest.RequestedBy("u-9", "auditor"));
    assertThat(ManifestJson.readFrom(dir)).isEqualTo(m);
    assertThat(ManifestVerifier.verify(dir)).isEmpty();
  }

  @Test
  @DisplayName("verify names the file whose bytes changed")
  void verifyDetectsChangedByte(@TempDir Path dir) throws Exception {
    insertActivities("acme", 3);
    folder.export(
        new ExportQuery.Activities(FeedFilter.all("acme")), ExportFormat.csv, auditor, dir);
    Path file = dir.resolve("activities.csv");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);
    assertThat(ManifestVerifier.verify(dir))
        .singleElement()
        .asString()
        .startsWith("activities.csv: SHA-256 is ");
  }

  @Test
  @DisplayName(
      "an export is recorded once as data_exported, by the requester, with kind, filter and rows")
  void recordedAsAuditEvent(@TempDir Path dir) throws Exception {
    insertActivities("acme", 2);
    Manifest m =
        folder.export(
            new ExportQuery.Activities(FeedFilter.all("acme")), ExportFormat.csv, auditor, dir);
    // Recording again (a retried request) must not make a second event.
    store.log.record(m, null, null);
    List<Map<String, Object>> events = store.exportEvents("acme");
    assertThat(events).hasSize(1);
    Map<String, Object> e = events.get(0);
    assertThat(e)
        .containsEntry("event_id", ExportAudit.eventId(m.exportId()))
        .containsEntry("actor_id", "u-9")
        .containsEntry("record_type", "workspace")
        .containsEntry("record_id", "acme");
    @SuppressWarnings("unchecked")
    Map<String, String> details = (Map<String, String>) e.get("details");
    assertThat(details)
        .containsEntry("kind", "activities")
        .containsEntry("format", "csv")
        .containsEntry("rows", "2")
        .containsEntry("export_id", m.exportId())
        .containsEntry("filter", "{}");
    assertThat(store.log.find("acme", m.exportId())).contains(m);
    assertThat(store.log.find("other", m.exportId())).isEmpty();
  }

  @Test
  @DisplayName("streaming 100,000 rows keeps the heap flat")
  void memoryStaysFlat() throws Exception {
    insertActivities("big", 100_000);
    long before = usedHeapAfterGc();
    CountingSink sink = new CountingSink();
    ExportResult r =
        new Exporter(store.queries)
            .export(
                new ExportQuery.Activities(FeedFilter.all("big")),
                ExportFormat.csv,
                Role.admin,
                sink);
    long after = usedHeapAfterGc();
    assertThat(r.rows()).isEqualTo(100_000);
    assertThat(r.bytes()).isEqualTo(sink.bytes).isGreaterThan(20_000_000L);
    // The file is >20 MB; holding it (or its rows) would grow the retained heap by far more.
    assertThat(after - before).isLessThan(16L << 20);
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return usedHeap();
  }

  private static final class CountingSink extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
