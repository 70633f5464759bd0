package io.activitytrail.flink.operators;

import io.activitytrail.clickhouse.sink.PipelineMetrics;
import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.attribution.TransactionBatch;
import io.activitytrail.flink.decode.TransactionBoundary;
import io.activitytrail.flink.ordering.CommitOrder;
import io.activitytrail.flink.ordering.CommitOrder.Release;
import io.activitytrail.flink.ordering.CommitOrder.Step;
import io.activitytrail.flink.ordering.CommitOrderState;
import io.activitytrail.flink.ordering.CommitOrderState.Place;
import io.activitytrail.flink.types.PlaceSerializer;
import io.activitytrail.flink.types.TransactionBatchSerializer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases transactions in commit order ({@link CommitOrder}): input 1 is the END markers in commit
 * order, input 2 the join's batches. Runs as one subtask under one constant key, so its state and
 * its single processing-time timer are ordinary keyed state, checkpointed with the job.
 *
 * <p>Metrics: {@code events} released ({@link PipelineMetrics}, stage {@code sequence}), {@code
 * releasedOutOfOrder} (batches released outside commit order: no END within max-wait, late events,
 * or an END given up on), {@code placesGivenUp}.
 */
public final class CommitSequencer
    extends KeyedCoProcessFunction<String, TransactionBoundary, TransactionBatch, Attributed> {
  private static final Logger LOG = LoggerFactory.getLogger(CommitSequencer.class);

  private final CommitOrder order;
  private final Duration memory;

  private transient State state;
  private transient ValueState<Long> timer;
  private transient Counter releasedOutOfOrder;
  private transient Counter placesGivenUp;
  private transient Counter released;

  /**
   * @param patience how long a place waits for its batch while the join is silent before it is
   *     given up on (longer than the join's max-wait)
   * @param memory how long an END is remembered to recognise a repeat: the join's memory
   */
  public CommitSequencer(Duration patience, Duration memory) {
    this.order = new CommitOrder(patience);
    this.memory = memory;
  }

  @Override
  public void open(OpenContext openContext) {
    state = new State();
    timer = getRuntimeContext().getState(new ValueStateDescriptor<>("timer", Types.LONG));
    releasedOutOfOrder = getRuntimeContext().getMetricGroup().counter("releasedOutOfOrder");
    placesGivenUp = getRuntimeContext().getMetricGroup().counter("placesGivenUp");
    released =
        PipelineMetrics.events(
            getRuntimeContext().getMetricGroup(), PipelineMetrics.Stage.SEQUENCE);
  }

  @Override
  public void processElement1(TransactionBoundary end, Context ctx, Collector<Attributed> out)
      throws Exception {
    long now = ctx.timerService().currentProcessingTime();
    apply(order.onEnd(end.transactionId(), now, state), ctx, out);
  }

  @Override
  public void processElement2(TransactionBatch batch, Context ctx, Collector<Attributed> out)
      throws Exception {
    long now = ctx.timerService().currentProcessingTime();
    apply(order.onBatch(batch, now, state), ctx, out);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Attributed> out)
      throws Exception {
    timer.clear();
    apply(order.onTime(timestamp, state), ctx, out);
  }

  private void apply(Step step, Context ctx, Collector<Attributed> out) throws Exception {
    for (String transactionId : step.gaveUp()) {
      placesGivenUp.inc();
      LOG.warn(
          "transaction {}: no batch from the attribution join in time; later transactions no"
              + " longer wait for it, and it is released outside commit order if it comes",
          transactionId);
    }
    for (Release release : step.released()) {
      if (!release.inOrder() && !release.batch().events().isEmpty()) {
        releasedOutOfOrder.inc();
        LOG.warn(
            "transaction {}: {} event(s) released outside commit order ({}): their names and"
                + " displays are as last seen, not as committed",
            release.batch().transactionId(),
            release.batch().events().size(),
            release.batch().outcome());
      }
      released.inc(release.batch().events().size());
      release.batch().attributed().forEach(out::collect);
    }
    Long next = order.nextDeadline(state);
    Long registered = timer.value();
    if (!Objects.equals(next, registered)) {
      if (registered != null) {
        ctx.timerService().deleteProcessingTimeTimer(registered);
      }
      if (next != null) {
        ctx.timerService().registerProcessingTimeTimer(next);
        timer.update(next);
      } else {
        timer.clear();
      }
    }
  }

  /** The ENDs seen, each forgotten after the join's memory, when the join would answer it anew. */
  private MapState<String, Boolean> endsSeenState() {
    MapStateDescriptor<String, Boolean> descriptor =
        new MapStateDescriptor<>("ends-seen", Types.STRING, Types.BOOLEAN);
    descriptor.enableTimeToLive(
        StateTtlConfig.newBuilder(memory)
            .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
            .build());
    return getRuntimeContext().getMapState(descriptor);
  }

  /** The rule's state as keyed state of the one key. */
  private final class State implements CommitOrderState {
    private final MapState<Long, Place> places =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("places", LongSerializer.INSTANCE, new PlaceSerializer()));
    private final ValueState<Long> first =
        getRuntimeContext().getState(new ValueStateDescriptor<>("first-place", Types.LONG));
    private final ValueState<Long> next =
        getRuntimeContext().getState(new ValueStateDescriptor<>("next-place", Types.LONG));
    private final MapState<String, Boolean> queued =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("queued", Types.STRING, Types.BOOLEAN));
    private final MapState<String, TransactionBatch> held =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "held", StringSerializer.INSTANCE, new TransactionBatchSerializer()));
    private final MapState<String, Long> awaiting =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("awaiting-end", Types.STRING, Types.LONG));
    private final MapState<String, Boolean> endsSeen = endsSeenState();
    private final ValueState<Long> lastBatch =
        getRuntimeContext().getState(new ValueStateDescriptor<>("last-batch-at", Types.LONG));

    @Override
    public void enqueue(Place place) {
      call(
          () -> {
            long index = next.value() == null ? 0 : next.value();
            places.put(index, place);
            next.update(index + 1);
            if (first.value() == null) {
              first.update(index);
            }
            queued.put(place.transactionId(), true);
            return null;
          });
    }

    @Override
    public Place head() {
      return call(() -> first.value() == null ? null : places.get(first.value()));
    }

    @Override
    public void dequeue() {
      call(
          () -> {
            long index = first.value();
            queued.remove(places.get(index).transactionId());
            places.remove(index);
            if (index + 1 == next.value()) {
              // empty: clear the counters too, so an idle sequencer holds no state (the last
              // batch's time is older than any later place's own deadline: no longer needed)
              first.clear();
              next.clear();
              lastBatch.clear();
            } else {
              first.update(index + 1);
            }
            return null;
          });
    }

    @Override
    public boolean isQueued(String transactionId) {
      return call(() -> queued.contains(transactionId));
    }

    @Override
    public void hold(TransactionBatch batch) {
      call(
          () -> {
            held.put(batch.transactionId(), batch);
            return null;
          });
    }

    @Override
    public TransactionBatch held(String transactionId) {
      return call(() -> held.get(transactionId));
    }

    @Override
    public void unhold(String transactionId) {
      call(
          () -> {
            held.remove(transactionId);
            return null;
          });
    }

    @Override
    public void awaitEnd(String transactionId, long giveUpAt) {
      call(
          () -> {
            awaiting.put(transactionId, giveUpAt);
            return null;
          });
    }

    @Override
    public void endArrived(String transactionId) {
      call(
          () -> {
            awaiting.remove(transactionId);
            return null;
          });
    }

    @Override
    public Map<String, Long> awaitingEnd() {
      return call(
          () -> {
            Map<String, Long> copy = new LinkedHashMap<>();
            awaiting.entries().forEach(e -> copy.put(e.getKey(), e.getValue()));
            return copy;
          });
    }

    @Override
    public boolean endSeen(String transactionId) {
      return call(() -> endsSeen.contains(transactionId));
    }

    @Override
    public void rememberEnd(String transactionId) {
      call(
          () -> {
            endsSeen.put(transactionId, true);
            return null;
          });
    }

    @Override
    public Long lastBatchAt() {
      return call(lastBatch::value);
    }

    @Override
    public void lastBatchAt(long at) {
      call(
          () -> {
            lastBatch.update(at);
            return null;
          });
    }
  }

  private interface StateCall<T> {
    T call() throws Exception;
  }

  private static <T> T call(StateCall<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      throw new IllegalStateException("cannot access the sequencer's state", e);
    }
  }
}
