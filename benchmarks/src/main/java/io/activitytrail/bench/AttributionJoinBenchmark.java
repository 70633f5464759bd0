package io.activitytrail.bench;

import io.activitytrail.flink.attribution.TransactionBatch;
import io.activitytrail.flink.decode.Decoded;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The attribution join's cost per event, in events per second on one thread: complete transactions
 * (BEGIN, context, one change, END) through the operator with Flink's heap keyed state and timers,
 * as in the job. Each transaction leaves its TTL'd context memory behind, as in production; the
 * operator is reopened every iteration so that memory stays bounded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class AttributionJoinBenchmark {
  private static final int EVENTS_PER_TRANSACTION = 4;

  private Transactions transactions;
  private KeyedOneInputStreamOperatorTestHarness<String, Decoded, TransactionBatch> join;

  @Setup(Level.Trial)
  public void load() {
    transactions = new Transactions();
  }

  @Setup(Level.Iteration)
  public void open() throws Exception {
    join = Transactions.openJoin();
  }

  @TearDown(Level.Iteration)
  public void close() throws Exception {
    join.close();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_TRANSACTION)
  public int completeTransaction() throws Exception {
    for (Decoded event : transactions.next()) {
      Transactions.send(join, event);
    }
    int emitted = join.getOutput().size();
    if (emitted != 1) {
      throw new IllegalStateException(
          "a complete transaction must emit its change, emitted " + emitted);
    }
    join.getOutput().clear();
    return emitted;
  }
}
