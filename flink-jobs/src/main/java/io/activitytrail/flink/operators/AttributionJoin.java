package io.activitytrail.flink.operators;

import io.activitytrail.clickhouse.sink.PipelineMetrics;
import io.activitytrail.flink.attribution.Emitted;
import io.activitytrail.flink.attribution.TransactionBatch;
import io.activitytrail.flink.decode.AppEvent;
import io.activitytrail.flink.decode.ContextMessage;
import io.activitytrail.flink.decode.Decoded;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.flink.decode.TransactionBoundary;
import io.activitytrail.flink.types.ActorContextSerializer;
import io.activitytrail.flink.types.DecodedSerializer;
import io.activitytrail.flink.types.EmittedSerializer;
import io.activitytrail.schemas.context.ActorContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Joins a transaction's row changes with its {@code trail.context} message, keyed by transaction
 * id, and lets the transaction go as one {@link TransactionBatch}.
 *
 * <p>Events are buffered until the transaction is complete (its END marker has arrived and as many
 * events as END's event_count, context and other logical messages included, since Debezium numbers
 * them together), then let go at once in commit order. A transaction that does not complete within
 * {@code maxWait} of its first event (END included) is let go anyway with whatever it has, so a
 * lost marker or message never stalls it; other keys are never held back. A deadline that fires
 * late (the task was stalled) is put off by {@link #STALL_MILLIS} first, so input that queued
 * during the stall is read before the transaction is declared incomplete.
 *
 * <p>The sequencer downstream releases transactions in the order of their END markers, so every END
 * this join receives is answered by exactly one ordered batch ({@link
 * TransactionBatch.Outcome#ordered()}): COMPLETE or TIMED_OUT when it lets the transaction go, or
 * ANSWERED when the END comes after the transaction was let go without one. A repeated END (a
 * connector redelivering after a restart) is not answered again: the sequencer drops it too.
 *
 * <p>After letting go, the buffer and timer are cleared and only the context is remembered (with a
 * TTL) so late events of the same transaction are let go at once with it.
 *
 * <p>Metric ({@link PipelineMetrics}, stage {@code attribute}): {@code events} let go.
 */
public final class AttributionJoin extends KeyedProcessFunction<String, Decoded, TransactionBatch> {
  /** How late a timer may fire before the join reads its queued input first. */
  static final long STALL_MILLIS = 250;

  private final long maxWaitMillis;
  private final Duration memoryTtl;

  private transient ListState<Decoded> pending;
  private transient ValueState<ActorContext> context;
  private transient ValueState<Long> expectedEvents;
  private transient ValueState<Long> endLsn;
  private transient ValueState<Long> seenEvents;
  private transient ValueState<Long> deadline;
  private transient ValueState<Emitted> emitted;
  private transient Counter letGo;

  public AttributionJoin(Duration maxWait, Duration memoryTtl) {
    this.maxWaitMillis = maxWait.toMillis();
    this.memoryTtl = memoryTtl;
  }

  @Override
  public void open(OpenContext openContext) {
    pending =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("pending", new DecodedSerializer()));
    context =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("context", new ActorContextSerializer()));
    expectedEvents =
        getRuntimeContext().getState(new ValueStateDescriptor<>("expected-events", Types.LONG));
    seenEvents =
        getRuntimeContext().getState(new ValueStateDescriptor<>("seen-events", Types.LONG));
    endLsn = getRuntimeContext().getState(new ValueStateDescriptor<>("end-lsn", Types.LONG));
    deadline = getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Types.LONG));
    ValueStateDescriptor<Emitted> emittedDescriptor =
        new ValueStateDescriptor<>("emitted", new EmittedSerializer());
    emittedDescriptor.enableTimeToLive(
        StateTtlConfig.newBuilder(memoryTtl)
            .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
            .build());
    emitted = getRuntimeContext().getState(emittedDescriptor);
    letGo =
        PipelineMetrics.events(
            getRuntimeContext().getMetricGroup(), PipelineMetrics.Stage.ATTRIBUTE);
  }

  @Override
  public void processElement(Decoded event, Context ctx, Collector<TransactionBatch> out)
      throws Exception {
    Emitted done = emitted.value();
    if (done != null) {
      late(event, done, ctx.getCurrentKey(), out);
      return;
    }
    if (event instanceof TransactionBoundary boundary) {
      if (boundary.status() == TransactionBoundary.Status.BEGIN) {
        return;
      }
      expectedEvents.update(boundary.eventCount());
      if (boundary.lsn() != null) {
        endLsn.update(boundary.lsn());
      }
    } else if (event instanceof RowChange || event instanceof AppEvent) {
      pending.add(event);
      countEvent();
    } else if (event instanceof ContextMessage message) {
      context.update(message.context());
      countEvent();
    } else {
      countEvent();
    }
    if (deadline.value() == null) {
      long at = ctx.timerService().currentProcessingTime() + maxWaitMillis;
      ctx.timerService().registerProcessingTimeTimer(at);
      deadline.update(at);
    }
    Long expected = expectedEvents.value();
    Long seen = seenEvents.value();
    if (expected != null && (seen == null ? 0 : seen) >= expected) {
      emit(ctx, TransactionBatch.Outcome.COMPLETE, out);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TransactionBatch> out)
      throws Exception {
    long now = ctx.timerService().currentProcessingTime();
    if (now - timestamp > STALL_MILLIS) {
      // Fired late, so the task was stalled (CPU, a long pause) and input queued meanwhile, this
      // transaction's END perhaps: timers run before queued input, so read that input first.
      long at = now + STALL_MILLIS;
      ctx.timerService().registerProcessingTimeTimer(at);
      deadline.update(at);
      return;
    }
    emit(
        ctx,
        expectedEvents.value() != null
            ? TransactionBatch.Outcome.TIMED_OUT
            : TransactionBatch.Outcome.NO_END,
        out);
  }

  private void late(
      Decoded event, Emitted done, String transactionId, Collector<TransactionBatch> out)
      throws Exception {
    if (event instanceof RowChange || event instanceof AppEvent) {
      letGo.inc();
      out.collect(
          new TransactionBatch(
              transactionId, TransactionBatch.Outcome.LATE, done.context(), List.of(event), null));
    } else if (event instanceof ContextMessage message) {
      // Changes already let go keep their fallback actor; later stragglers get this context.
      emitted.update(new Emitted(message.context(), done.endSeen()));
    } else if (event instanceof TransactionBoundary boundary
        && boundary.status() == TransactionBoundary.Status.END
        && !done.endSeen()) {
      out.collect(
          new TransactionBatch(
              transactionId,
              TransactionBatch.Outcome.ANSWERED,
              done.context(),
              List.of(),
              boundary.lsn()));
      emitted.update(new Emitted(done.context(), true));
    }
  }

  private void countEvent() throws Exception {
    Long seen = seenEvents.value();
    seenEvents.update(seen == null ? 1 : seen + 1);
  }

  private void emit(Context ctx, TransactionBatch.Outcome outcome, Collector<TransactionBatch> out)
      throws Exception {
    ActorContext actor = context.value();
    List<Decoded> events = new ArrayList<>();
    pending.get().forEach(events::add);
    events.sort(
        Comparator.comparing(
            AttributionJoin::txOrder, Comparator.nullsLast(Comparator.naturalOrder())));
    letGo.inc(events.size());
    out.collect(new TransactionBatch(ctx.getCurrentKey(), outcome, actor, events, endLsn.value()));
    Long timer = deadline.value();
    if (timer != null) {
      ctx.timerService().deleteProcessingTimeTimer(timer);
    }
    pending.clear();
    context.clear();
    expectedEvents.clear();
    endLsn.clear();
    seenEvents.clear();
    deadline.clear();
    emitted.update(new Emitted(actor, outcome.ordered()));
  }

  private static Long txOrder(Decoded event) {
    if (event instanceof RowChange change) {
      return change.txOrder();
    }
    return event instanceof AppEvent appEvent ? appEvent.txOrder() : null;
  }
}
