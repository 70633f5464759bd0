package io.activitytrail.bench;

import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.attribution.TransactionBatch;
import io.activitytrail.flink.decode.ContextMessage;
import io.activitytrail.flink.decode.Decoded;
import io.activitytrail.flink.decode.TransactionBoundary;
import io.activitytrail.flink.operators.CommitSequencer;
import io.activitytrail.flink.operators.Routing;
import io.activitytrail.flink.types.AttributedSerializer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
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
 * The sequencer's cost per transaction, in transactions per second on one thread, with Flink's heap
 * keyed state and timer service as in the job: each transaction's END marker and its batch (one
 * change with its context) through the operator until the change is released.
 *
 * <ul>
 *   <li>{@code inOrder}: the batch comes back after its END and nothing earlier is missing:
 *       released at once (the steady state).
 *   <li>{@code heldBehindEarlier}: two transactions whose batches come back in the opposite order:
 *       the later one is held in state until the earlier one arrives, then both leave.
 * </ul>
 *
 * Every transaction gets a fresh id and a growing END LSN, as in commit order.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class CommitSequencerBenchmark {
  private Transactions transactions;
  private KeyedTwoInputStreamOperatorTestHarness<
          String, TransactionBoundary, TransactionBatch, Attributed>
      sequencer;

  @Setup(Level.Trial)
  public void load() {
    transactions = new Transactions();
  }

  @Setup(Level.Iteration)
  public void open() throws Exception {
    sequencer =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(
                new CommitSequencer(Transactions.MAX_WAIT.multipliedBy(2), Transactions.MEMORY)),
            new Routing.Single<TransactionBoundary>(),
            new Routing.Single<TransactionBatch>(),
            Types.STRING);
    sequencer.setup(new AttributedSerializer());
    sequencer.open();
    sequencer.setProcessingTime(0);
  }

  @TearDown(Level.Iteration)
  public void close() throws Exception {
    sequencer.close();
  }

  private TransactionBatch batch(Decoded[] events) {
    return new TransactionBatch(
        events[2].transactionId(),
        TransactionBatch.Outcome.COMPLETE,
        ((ContextMessage) events[1]).context(),
        List.of(events[2]),
        ((TransactionBoundary) events[3]).lsn());
  }

  private int released(int expected) {
    int emitted = sequencer.getOutput().size();
    if (emitted != expected) {
      throw new IllegalStateException("expected " + expected + " releases, got " + emitted);
    }
    sequencer.getOutput().clear();
    return emitted;
  }

  @Benchmark
  public int inOrder() throws Exception {
    Decoded[] events = transactions.next();
    sequencer.processElement1(new StreamRecord<>((TransactionBoundary) events[3]));
    sequencer.processElement2(new StreamRecord<>(batch(events)));
    return released(1);
  }

  @Benchmark
  @OperationsPerInvocation(2)
  public int heldBehindEarlier() throws Exception {
    Decoded[] earlier = transactions.next();
    Decoded[] later = transactions.next();
    sequencer.processElement1(new StreamRecord<>((TransactionBoundary) earlier[3]));
    sequencer.processElement1(new StreamRecord<>((TransactionBoundary) later[3]));
    sequencer.processElement2(new StreamRecord<>(batch(later)));
    sequencer.processElement2(new StreamRecord<>(batch(earlier)));
    return released(2);
  }
}
