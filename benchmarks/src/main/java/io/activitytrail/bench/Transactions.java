package io.activitytrail.bench;

import io.activitytrail.flink.NormalizerOptions;
import io.activitytrail.flink.attribution.TransactionBatch;
import io.activitytrail.flink.decode.ContextMessage;
import io.activitytrail.flink.decode.DebeziumDecoder;
import io.activitytrail.flink.decode.Decoded;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.flink.decode.TransactionBoundary;
import io.activitytrail.flink.operators.AttributionJoin;
import io.activitytrail.flink.operators.Routing;
import io.activitytrail.mapping.MappingLoader;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;

/**
 * One recorded transaction (a ticket update with its context message, BEGIN and END markers),
 * replayed under fresh transaction ids: a repeated id would take the join's late-event path.
 */
final class Transactions {
  static final Duration MAX_WAIT = NormalizerOptions.ATTRIBUTION_MAX_WAIT.defaultValue();
  static final Duration MEMORY = NormalizerOptions.ATTRIBUTION_MEMORY.defaultValue();

  private final TransactionBoundary begin;
  private final ContextMessage context;
  private final RowChange change;
  private final TransactionBoundary end;
  private long next = 1;

  Transactions() {
    DebeziumDecoder decoder =
        new DebeziumDecoder(Envelopes.PREFIX, MappingLoader.load(MappingLoader.BUNDLED));
    begin = (TransactionBoundary) decoder.decode(Envelopes.transactionBegin()).orElseThrow();
    context = (ContextMessage) decoder.decode(Envelopes.contextMessage()).orElseThrow();
    change = (RowChange) decoder.decode(Envelopes.rowChanges().get(0)).orElseThrow();
    end = (TransactionBoundary) decoder.decode(Envelopes.transactionEnd()).orElseThrow();
    if (end.eventCount() != 2) {
      throw new IllegalStateException(
          "the recorded END must count the context and the one change, got " + end.eventCount());
    }
  }

  /** The join as the job runs it, on Flink's heap keyed state backend and timer service. */
  static KeyedOneInputStreamOperatorTestHarness<String, Decoded, TransactionBatch> openJoin()
      throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, Decoded, TransactionBatch> harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new AttributionJoin(MAX_WAIT, MEMORY), new Routing.ByTransaction(), Types.STRING);
    harness.setProcessingTime(0);
    return harness;
  }

  static void send(
      KeyedOneInputStreamOperatorTestHarness<String, Decoded, TransactionBatch> join, Decoded event)
      throws Exception {
    join.processElement(new StreamRecord<>(event));
  }

  /** The events of the next transaction, in arrival order: BEGIN, context, change, END. */
  Decoded[] next() {
    String tx = Long.toString(next++);
    // commit order: each transaction's END lies past the previous one's
    long lsn = next * 10;
    return new Decoded[] {
      new TransactionBoundary(
          tx, begin.status(), begin.eventCount(), begin.tsMillis(), lsn, begin.source()),
      new ContextMessage(tx, context.context(), context.source()),
      new RowChange(
          change.connector(),
          change.schema(),
          change.table(),
          change.op(),
          change.before(),
          change.after(),
          change.commitTimeMillis(),
          change.lsn(),
          tx,
          change.txOrder(),
          change.dbUser(),
          change.source()),
      new TransactionBoundary(
          tx, end.status(), end.eventCount(), end.tsMillis(), lsn + 2, end.source())
    };
  }
}
