package io.activitytrail.bench;

import io.activitytrail.flink.attribution.TransactionBatch;
import io.activitytrail.flink.decode.Decoded;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The latency the attribution join adds after a transaction's last event, sampled per transaction.
 *
 * <ul>
 *   <li>{@code lastEventToEmission}: the transaction is complete (context seen, END arrives last):
 *       the time from END entering the operator to its change being emitted. This is all the join
 *       adds when the platform emits context.
 *   <li>{@code deadlineToEmission}: no END arrives (a lost marker): the change waits for the
 *       bounded timeout, {@code attribution.max-wait} (default 3 s) after the transaction's first
 *       event; this measures the emission work once the timer fires, to be added to that wait.
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class AttributionLatencyBenchmark {

  /** Shared by both cases: a fresh join per iteration and a check that each sample emitted. */
  public abstract static class Join {
    Transactions transactions;
    KeyedOneInputStreamOperatorTestHarness<String, Decoded, TransactionBatch> join;
    private boolean sampled;

    @Setup(Level.Iteration)
    public void open() throws Exception {
      transactions = new Transactions();
      join = Transactions.openJoin();
      sampled = false;
    }

    @TearDown(Level.Iteration)
    public void close() throws Exception {
      join.close();
    }

    /** Fails the run if the previous sample measured something that emitted nothing. */
    void checkPreviousSampleEmitted() {
      if (sampled && join.getOutput().size() != 1) {
        throw new IllegalStateException(
            "the measured step must emit the transaction's change, emitted "
                + join.getOutput().size());
      }
      join.getOutput().clear();
      sampled = true;
    }
  }

  @State(Scope.Thread)
  public static class Complete extends Join {
    Decoded end;

    @Setup(Level.Invocation)
    public void arriveAllButEnd() throws Exception {
      checkPreviousSampleEmitted();
      Decoded[] events = transactions.next();
      for (int i = 0; i < events.length - 1; i++) {
        Transactions.send(join, events[i]);
      }
      end = events[events.length - 1];
    }
  }

  @State(Scope.Thread)
  public static class TimedOut extends Join {
    long deadline;

    @Setup(Level.Invocation)
    public void arriveWithoutEnd() throws Exception {
      checkPreviousSampleEmitted();
      Decoded[] events = transactions.next();
      long now = join.getProcessingTime();
      Transactions.send(join, events[1]);
      Transactions.send(join, events[2]);
      deadline = now + Transactions.MAX_WAIT.toMillis();
    }
  }

  @Benchmark
  public int lastEventToEmission(Complete state) throws Exception {
    Transactions.send(state.join, state.end);
    return state.join.getOutput().size();
  }

  @Benchmark
  public int deadlineToEmission(TimedOut state) throws Exception {
    state.join.setProcessingTime(state.deadline);
    return state.join.getOutput().size();
  }
}
