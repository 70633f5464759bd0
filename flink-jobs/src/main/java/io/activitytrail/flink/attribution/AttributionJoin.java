package io.activitytrail.flink.attribution;

import io.activitytrail.flink.decode.AppEvent;
import io.activitytrail.flink.decode.ContextMessage;
import io.activitytrail.flink.decode.Decoded;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.flink.decode.TransactionBoundary;
import io.activitytrail.schemas.context.ActorContext;
import java.io.Serializable;
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
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Joins a transaction's row changes with its {@code trail.context} message, keyed by transaction
 * id.
 *
 * <p>Row changes are buffered until the transaction is complete (its END marker has arrived and as
 * many events as END's event_count, context and other logical messages included, since Debezium
 * numbers them together), then emitted at once in commit order. A transaction that does not
 * complete within {@code maxWait} of its first event is emitted anyway with whatever context it
 * has, so a lost marker or message never stalls it; other keys are never held back. After emitting,
 * the buffer and timer are cleared and only the context is remembered (with a TTL) so late events
 * of the same transaction are emitted at once with it.
 */
public final class AttributionJoin extends KeyedProcessFunction<String, Decoded, Attributed> {
  private final long maxWaitMillis;
  private final Duration memoryTtl;

  private transient ListState<RowChange> pending;
  private transient ValueState<ActorContext> context;
  private transient ValueState<Long> expectedEvents;
  private transient ValueState<Long> seenEvents;
  private transient ValueState<Long> deadline;
  private transient ValueState<Emitted> emitted;

  public AttributionJoin(Duration maxWait, Duration memoryTtl) {
    this.maxWaitMillis = maxWait.toMillis();
    this.memoryTtl = memoryTtl;
  }

  /** Marks an emitted transaction; its context may be null (emitted without one). */
  public record Emitted(ActorContext context) implements Serializable {}

  @Override
  public void open(OpenContext openContext) {
    pending =
        getRuntimeContext().getListState(new ListStateDescriptor<>("pending", RowChange.class));
    context =
        getRuntimeContext().getState(new ValueStateDescriptor<>("context", ActorContext.class));
    expectedEvents =
        getRuntimeContext().getState(new ValueStateDescriptor<>("expected-events", Long.class));
    seenEvents =
        getRuntimeContext().getState(new ValueStateDescriptor<>("seen-events", Long.class));
    deadline = getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Long.class));
    ValueStateDescriptor<Emitted> emittedDescriptor =
        new ValueStateDescriptor<>("emitted", Emitted.class);
    emittedDescriptor.enableTimeToLive(
        StateTtlConfig.newBuilder(memoryTtl)
            .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
            .build());
    emitted = getRuntimeContext().getState(emittedDescriptor);
  }

  @Override
  public void processElement(Decoded event, Context ctx, Collector<Attributed> out)
      throws Exception {
    Emitted done = emitted.value();
    if (done != null) {
      late(event, done, out);
      return;
    }
    if (event instanceof TransactionBoundary boundary) {
      if (boundary.status() == TransactionBoundary.Status.BEGIN) {
        return;
      }
      expectedEvents.update(boundary.eventCount());
    } else if (event instanceof RowChange change) {
      pending.add(change);
      countEvent();
    } else if (event instanceof ContextMessage message) {
      context.update(message.context());
      countEvent();
    } else if (event instanceof AppEvent appEvent) {
      // Needs no actor context: passes straight through, but counts toward completeness.
      out.collect(new Attributed(appEvent, null));
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
    if (expected != null && seenEvents.value() != null && seenEvents.value() >= expected) {
      emit(ctx, out);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Attributed> out)
      throws Exception {
    emit(ctx, out);
  }

  private void late(Decoded event, Emitted done, Collector<Attributed> out) throws Exception {
    if (event instanceof RowChange change) {
      out.collect(new Attributed(change, done.context()));
    } else if (event instanceof AppEvent appEvent) {
      out.collect(new Attributed(appEvent, null));
    } else if (event instanceof ContextMessage message) {
      // Changes already emitted keep their fallback actor; later stragglers get this context.
      emitted.update(new Emitted(message.context()));
    }
  }

  private void countEvent() throws Exception {
    Long seen = seenEvents.value();
    seenEvents.update(seen == null ? 1 : seen + 1);
  }

  private void emit(Context ctx, Collector<Attributed> out) throws Exception {
    ActorContext actor = context.value();
    List<RowChange> changes = new ArrayList<>();
    pending.get().forEach(changes::add);
    changes.sort(
        Comparator.comparing(RowChange::txOrder, Comparator.nullsLast(Comparator.naturalOrder())));
    for (RowChange change : changes) {
      out.collect(new Attributed(change, actor));
    }
    Long timer = deadline.value();
    if (timer != null) {
      ctx.timerService().deleteProcessingTimeTimer(timer);
    }
    pending.clear();
    context.clear();
    expectedEvents.clear();
    seenEvents.clear();
    deadline.clear();
    emitted.update(new Emitted(actor));
  }
}
