package io.activitytrail.bench;

import io.activitytrail.clickhouse.ActivityRows;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.classify.Normalizer;
import io.activitytrail.flink.decode.ContextMessage;
import io.activitytrail.flink.decode.DebeziumDecoder;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.flink.reference.InMemoryReferenceStore;
import io.activitytrail.flink.source.RawRecord;
import io.activitytrail.mapping.Mapping;
import io.activitytrail.mapping.MappingLoader;
import io.activitytrail.schemas.context.ActorContext;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The normalizer's pure path on one thread, in row changes per second: decode (JSON envelope to
 * {@code RowChange}), diff + classify (the job's {@code Normalizer}: reference names learnt and
 * looked up, field diff, typed {@code ActivityEvent}s with the actor from the context), and the
 * whole path up to the JSONEachRow bytes the ClickHouse sink inserts. Each operation is one change
 * of a four-envelope mix, so the figures are comparable across the three.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class NormalizerBenchmark {
  private static final int MIX = 4;

  private DebeziumDecoder decoder;
  private Normalizer normalizer;
  private InMemoryReferenceStore references;
  private RawRecord[] records;
  private RowChange[] changes;
  private ActorContext context;

  @Setup
  public void setUp() {
    Mapping mapping = MappingLoader.load(MappingLoader.BUNDLED);
    decoder = new DebeziumDecoder(Envelopes.PREFIX, mapping);
    normalizer = new Normalizer(mapping);
    references = new InMemoryReferenceStore();
    List<RawRecord> mix = Envelopes.rowChanges();
    if (mix.size() != MIX) {
      throw new IllegalStateException("@OperationsPerInvocation expects " + MIX + " envelopes");
    }
    records = mix.toArray(RawRecord[]::new);
    changes =
        mix.stream()
            .map(r -> (RowChange) decoder.decode(r).orElseThrow())
            .toArray(RowChange[]::new);
    context = ((ContextMessage) decoder.decode(Envelopes.contextMessage()).orElseThrow()).context();
  }

  @Benchmark
  @OperationsPerInvocation(MIX)
  public void decode(Blackhole out) {
    for (RawRecord record : records) {
      out.consume(decoder.decode(record));
    }
  }

  @Benchmark
  @OperationsPerInvocation(MIX)
  public void diffAndClassify(Blackhole out) {
    for (RowChange change : changes) {
      out.consume(normalizer.normalize(new Attributed(change, context), references, Instant.now()));
    }
  }

  @Benchmark
  @OperationsPerInvocation(MIX)
  public void wholePath(Blackhole out) {
    for (RawRecord record : records) {
      RowChange change = (RowChange) decoder.decode(record).orElseThrow();
      List<ActivityEvent> events =
          normalizer.normalize(new Attributed(change, context), references, Instant.now());
      out.consume(ActivityRows.toJsonEachRow(events));
    }
  }
}
