package io.activitytrail.flink.operators;

import io.activitytrail.clickhouse.sink.PipelineMetrics;
import io.activitytrail.clickhouse.sink.PipelineMetrics.Stage;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Notification;
import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.classify.Normalizer;
import io.activitytrail.flink.deadletter.DeadLetter;
import io.activitytrail.flink.deadletter.Reasons;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.flink.notify.NotificationFacts;
import io.activitytrail.flink.notify.NotificationState;
import io.activitytrail.flink.reference.ReferenceStore;
import io.activitytrail.flink.reference.References;
import io.activitytrail.flink.reference.StateAccessException;
import io.activitytrail.flink.types.TrailTypes;
import io.activitytrail.mapping.Mapping;
import io.activitytrail.notifications.Notifications;
import io.activitytrail.notifications.Recipients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * <p>When the mapping has a notification section, the same key also holds the notifier's facts
 * (team, settings, followers, assignees; {@link NotificationState}) and each event's notifications
 * go to the {@link #NOTIFICATIONS} side output. They are decided here, not in an operator of their
 * own, because a setting or a follower must apply in exactly the commit order of the activities it
 * governs, and this is the one place that sees a workspace's changes in that order.
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

  /** One per recipient and channel of each event (none without a notification section). */
  public static final OutputTag<Notification> NOTIFICATIONS =
      new OutputTag<>("notifications", new AvroSpecificTypeInfo<>(Notification.class));

  private final Mapping mapping;
  private final Normalizer normalizer;
  private final Recipients recipients;
  private transient Counter produced;
  private transient PipelineMetrics.DeadLetters deadLetters;
  private transient Counter notified;
  private transient NotificationState facts;

  private transient MapState<String, String> displays;
  private transient MapState<String, String> recordDisplays;
  private transient ValueState<Integer> retentionDays;

  public NormalizeFunction(Mapping mapping) {
    this.mapping = mapping;
    this.normalizer = new Normalizer(mapping);
    this.recipients =
        mapping
            .notificationMapping()
            .map(n -> new Recipients(Set.copyOf(n.users().adminRoles()), mapping.feedAuditTypes()))
            .orElse(null);
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
    notified = PipelineMetrics.notifications(getRuntimeContext().getMetricGroup());
    if (recipients != null) {
      facts =
          new NotificationState(
              getRuntimeContext(),
              Set.copyOf(mapping.notificationMapping().orElseThrow().users().adminRoles()));
    }
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
      deadLetter(attributed, e, ctx);
      return;
    }
    produced.inc(events.size());
    events.forEach(out::collect);
    if (facts != null) {
      notify(attributed, events, ctx);
    }
  }

  /**
   * The change's facts first (a new assignee, a changed setting), then each event's notifications.
   * A failure here loses no activity: the activities are out, the change goes to the dead letters.
   */
  private void notify(Attributed attributed, List<ActivityEvent> events, Context ctx) {
    List<Notification> notifications = new ArrayList<>();
    try {
      if (attributed.event() instanceof RowChange change) {
        facts.apply(NotificationFacts.of(change, mapping));
      }
      for (ActivityEvent event : events) {
        notifications.addAll(Notifications.of(event, recipients.decide(event, facts)));
      }
    } catch (StateAccessException e) {
      throw e;
    } catch (RuntimeException e) {
      deadLetter(attributed, e, ctx);
      return;
    }
    notifications.forEach(notification -> ctx.output(NOTIFICATIONS, notification));
    notified.inc(notifications.size());
  }

  private void deadLetter(Attributed attributed, RuntimeException e, Context ctx) {
    deadLetters.inc(Reasons.of(e));
    ctx.output(DEAD_LETTERS, DeadLetter.ofEvent(attributed, e, System.currentTimeMillis()));
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
