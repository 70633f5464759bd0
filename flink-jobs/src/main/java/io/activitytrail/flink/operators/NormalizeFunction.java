package io.activitytrail.flink.operators;

import io.activitytrail.clickhouse.sink.PipelineMetrics;
import io.activitytrail.clickhouse.sink.PipelineMetrics.Stage;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.classify.Normalizer;
import io.activitytrail.flink.deadletter.DeadLetter;
import io.activitytrail.flink.deadletter.Reasons;
import io.activitytrail.flink.reference.ReferenceStore;
import io.activitytrail.flink.reference.References;
import io.activitytrail.flink.types.TrailTypes;
import io.activitytrail.mapping.Mapping;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The normalizer in Flink, keyed by workspace: each workspace's reference rows (names of users and
 * customers, record displays, the plan's retention) are keyed state of that workspace.
 *
 * <p>Why keyed by workspace rather than broadcast: every mapped row names its workspace, so the row
 * that changes a name and the rows that refer to it meet in the same key without replicating every
 * tenant's users, customers and tickets to every subtask; state lives in the configured state
 * backend (RocksDB scales past memory), is checkpointed per key group and rescales. Ticket displays
 * in particular are far too many for broadcast state, which is held on the heap of every subtask.
 * The cost is skew: one workspace is handled by one subtask.
 *
 * <p>An event the normalizer throws on goes to the {@link #DEAD_LETTERS} side output (the event as
 * JSON, the reason, stage {@code normalize}) and the job keeps running; a failing state backend
 * still fails the job, which then restarts from its checkpoint.
 *
 * <p>Metrics ({@link PipelineMetrics}, stage {@code normalize}): {@code events} produced, {@code
 * deadLetters} by reason.
 */
public final class NormalizeFunction extends KeyedProcessFunction<String, Attributed, ActivityEvent>
    implements ResultTypeQueryable<ActivityEvent> {
  /** Events the normalizer could not handle, as the job held them. */
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("normalize-dead-letters", TrailTypes.DEAD_LETTER);

  private final Normalizer normalizer;
  private transient Counter produced;
  private transient PipelineMetrics.DeadLetters deadLetters;

  private transient MapState<String, String> displays;
  private transient MapState<String, String> recordDisplays;
  private transient ValueState<Integer> retentionDays;

  public NormalizeFunction(Mapping mapping) {
    this.normalizer = new Normalizer(mapping);
  }

  @Override
  public void open(OpenContext openContext) {
    displays =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("reference-displays", Types.STRING, Types.STRING));
    recordDisplays =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("record-displays", Types.STRING, Types.STRING));
    retentionDays =
        getRuntimeContext().getState(new ValueStateDescriptor<>("retention-days", Types.INT));
    produced = PipelineMetrics.events(getRuntimeContext().getMetricGroup(), Stage.NORMALIZE);
    deadLetters =
        PipelineMetrics.deadLetters(getRuntimeContext().getMetricGroup(), Stage.NORMALIZE);
  }

  @Override
  public void processElement(Attributed attributed, Context ctx, Collector<ActivityEvent> out) {
    List<ActivityEvent> events;
    try {
      events = normalizer.normalize(attributed, new StateStore(), Instant.now());
    } catch (StateAccessException e) {
      // the state backend failing is not this event's fault: let Flink restart from a checkpoint
      throw e;
    } catch (RuntimeException e) {
      // a data error or a normalizer bug: one event must not stop the pipeline
      deadLetters.inc(Reasons.of(e));
      ctx.output(DEAD_LETTERS, DeadLetter.ofEvent(attributed, e, System.currentTimeMillis()));
      return;
    }
    produced.inc(events.size());
    events.forEach(out::collect);
  }

  @Override
  public TypeInformation<ActivityEvent> getProducedType() {
    return new AvroSpecificTypeInfo<>(ActivityEvent.class);
  }

  /** The current key's state as a {@link ReferenceStore}. */
  private final class StateStore implements ReferenceStore {
    @Override
    public String display(String table, String column, String id) {
      return read(() -> displays.get(References.displayKey(table, column, id)));
    }

    @Override
    public String recordDisplay(String recordType, String recordId) {
      return read(() -> recordDisplays.get(References.recordKey(recordType, recordId)));
    }

    @Override
    public Integer retentionDays() {
      return read(retentionDays::value);
    }

    @Override
    public void putDisplay(String key, String value) {
      write(() -> displays.put(key, value));
    }

    @Override
    public void putRecordDisplay(String key, String value) {
      write(() -> recordDisplays.put(key, value));
    }

    @Override
    public void putRetentionDays(int days) {
      write(() -> retentionDays.update(days));
    }
  }

  private interface StateRead<T> {
    T get() throws Exception;
  }

  private interface StateWrite {
    void run() throws Exception;
  }

  /** The reference state could not be read or written: an infrastructure failure. */
  static final class StateAccessException extends IllegalStateException {
    StateAccessException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static <T> T read(StateRead<T> read) {
    try {
      return read.get();
    } catch (Exception e) {
      throw new StateAccessException("cannot read the normalizer's reference state", e);
    }
  }

  private static void write(StateWrite write) {
    try {
      write.run();
    } catch (Exception e) {
      throw new StateAccessException("cannot write the normalizer's reference state", e);
    }
  }
}
