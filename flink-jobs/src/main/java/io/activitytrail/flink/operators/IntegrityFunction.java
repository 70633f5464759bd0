package io.activitytrail.flink.operators;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.flink.types.LeafEntrySerializer;
import io.activitytrail.flink.types.SignedIntervalSerializer;
import io.activitytrail.flink.types.TrailTypes;
import io.activitytrail.flink.types.WorkspaceLogSerializer;
import io.activitytrail.integrity.Keys;
import io.activitytrail.integrity.LeafEntry;
import io.activitytrail.integrity.Verifier.SignedInterval;
import io.activitytrail.integrity.WorkspaceLog;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tamper evidence for each workspace (keyed by workspace; docs/integrity.md): every stored event
 * gets the next sequence number and its leaf in the workspace's RFC 6962 tree ({@link
 * WorkspaceLog}); every {@code interval} with new events, a checkpoint is signed with the job's
 * Ed25519 key.
 *
 * <p>Published only once durable: a signed checkpoint is first kept in state ({@code prepared}),
 * noting the last completed Flink checkpoint; it leaves once two more have completed, so the state
 * a restore starts from always holds it. A restore replays events after that Flink checkpoint and
 * may number those that bypass commit order differently; no checkpoint covering them was published,
 * and one published again after a restore is the same bytes (Ed25519 is deterministic), which the
 * store collapses. An event id seen within {@code memory} is not appended again (a redelivered
 * change).
 *
 * <p>Metrics: {@code checkpointsSigned}, {@code eventsUnsignable} (an event the log could not take:
 * logged, left out, reported by {@code trail verify}). An event the store refuses (a dead letter)
 * is in the tree but not stored: {@code trail verify} reports it deleted until the dead letter is
 * written again.
 */
public final class IntegrityFunction
    extends KeyedProcessFunction<String, ActivityEvent, SignedInterval>
    implements ResultTypeQueryable<SignedInterval>, CheckpointListener {

  private static final Logger LOG = LoggerFactory.getLogger(IntegrityFunction.class);

  /** How often a prepared checkpoint is looked at again until it may be published. */
  static final long PUBLISH_POLL_MILLIS = 1_000;

  private final byte[] privateKey;
  private final String keyId;
  private final Duration interval;
  private final Duration memory;

  private transient PrivateKey key;
  private transient volatile long lastCompletedCheckpoint;
  private transient ValueState<WorkspaceLog> log;
  private transient ListState<LeafEntry> entries;
  private transient ListState<SignedInterval> prepared;
  private transient ListState<Long> preparedAfter;
  private transient MapState<String, Boolean> seen;
  private transient ValueState<Long> timer;
  private transient Counter signed;
  private transient Counter unsignable;

  /**
   * @param privateKey the Ed25519 key, PKCS#8
   * @param publicKey its public key, X.509 (names the key in every checkpoint)
   * @param interval how often a workspace with new events gets a checkpoint
   * @param memory how long an event id is remembered against redelivery
   */
  public IntegrityFunction(
      byte[] privateKey, byte[] publicKey, Duration interval, Duration memory) {
    this.privateKey = privateKey.clone();
    this.keyId = Keys.keyId(Keys.publicKey(publicKey));
    this.interval = interval;
    this.memory = memory;
  }

  @Override
  public void open(OpenContext openContext) {
    key = Keys.privateKey(privateKey);
    log =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("integrity-log", new WorkspaceLogSerializer()));
    entries =
        getRuntimeContext()
            .getListState(
                new ListStateDescriptor<>("integrity-entries", new LeafEntrySerializer()));
    prepared =
        getRuntimeContext()
            .getListState(
                new ListStateDescriptor<>("integrity-prepared", new SignedIntervalSerializer()));
    preparedAfter =
        getRuntimeContext()
            .getListState(new ListStateDescriptor<>("integrity-prepared-after", Types.LONG));
    MapStateDescriptor<String, Boolean> seenDescriptor =
        new MapStateDescriptor<>("integrity-seen", Types.STRING, Types.BOOLEAN);
    seenDescriptor.enableTimeToLive(
        StateTtlConfig.newBuilder(memory)
            .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
            .build());
    seen = getRuntimeContext().getMapState(seenDescriptor);
    timer = getRuntimeContext().getState(new ValueStateDescriptor<>("integrity-timer", Types.LONG));
    signed = getRuntimeContext().getMetricGroup().counter("checkpointsSigned");
    unsignable = getRuntimeContext().getMetricGroup().counter("eventsUnsignable");
  }

  @Override
  public TypeInformation<SignedInterval> getProducedType() {
    return TrailTypes.SIGNED_INTERVAL;
  }

  @Override
  public void processElement(ActivityEvent event, Context ctx, Collector<SignedInterval> out)
      throws Exception {
    if (seen.contains(event.getEventId())) {
      return;
    }
    seen.put(event.getEventId(), true);
    WorkspaceLog current = log.value();
    if (current == null) {
      current = WorkspaceLog.empty(ctx.getCurrentKey());
    }
    WorkspaceLog.Appended appended;
    try {
      appended = current.append(event, event.getRetentionDays());
    } catch (RuntimeException e) {
      // Never stop the job over one event: it stays out of the tree, and trail verify names it
      // (an event no checkpoint knows).
      unsignable.inc();
      LOG.error("event {} cannot be signed and stays out of the tree", event.getEventId(), e);
      return;
    }
    log.update(appended.log());
    entries.add(appended.entry());
    if (timer.value() == null) {
      long at = ctx.timerService().currentProcessingTime() + interval.toMillis();
      ctx.timerService().registerProcessingTimeTimer(at);
      timer.update(at);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<SignedInterval> out)
      throws Exception {
    timer.clear();
    List<LeafEntry> pending = new ArrayList<>();
    entries.get().forEach(pending::add);
    if (!pending.isEmpty()) {
      WorkspaceLog.Signed next =
          log.value().checkpoint(Instant.ofEpochMilli(timestamp), key, keyId, pending);
      log.update(next.log());
      entries.clear();
      prepared.add(next.interval());
      preparedAfter.add(lastCompletedCheckpoint);
      signed.inc();
    }
    publishDurable(out);
    if (prepared.get().iterator().hasNext()) {
      long at = timestamp + PUBLISH_POLL_MILLIS;
      ctx.timerService().registerProcessingTimeTimer(at);
      timer.update(at);
    }
  }

  /** Emits, in order, the prepared checkpoints that two completed Flink checkpoints have since. */
  private void publishDurable(Collector<SignedInterval> out) throws Exception {
    List<SignedInterval> waiting = new ArrayList<>();
    prepared.get().forEach(waiting::add);
    List<Long> after = new ArrayList<>();
    preparedAfter.get().forEach(after::add);
    int published = 0;
    while (published < waiting.size() && lastCompletedCheckpoint >= after.get(published) + 2) {
      out.collect(waiting.get(published));
      published++;
    }
    if (published > 0) {
      prepared.update(waiting.subList(published, waiting.size()));
      preparedAfter.update(after.subList(published, after.size()));
    }
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    lastCompletedCheckpoint = Math.max(lastCompletedCheckpoint, checkpointId);
  }
}
