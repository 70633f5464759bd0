package io.activitytrail.flink.operators;

import io.activitytrail.event.Notification;
import io.activitytrail.notifications.email.BatchState;
import io.activitytrail.notifications.email.EmailBatching;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * One recipient's email notifications (keyed by workspace and recipient) into the emails that go
 * out, by the pure rules of {@link EmailBatching} on processing time: the quiet period is about the
 * recipient's inbox, now, not about commit times.
 *
 * <p>State per recipient: the waiting notifications, when the oldest and newest arrived, the send
 * times of the last hour, and the one timer set. All cleared when nothing waits, but for the send
 * times, which the cap needs for an hour.
 */
public final class EmailBatchFunction
    extends KeyedProcessFunction<String, Notification, List<Notification>>
    implements ResultTypeQueryable<List<Notification>> {

  /** An email's notifications, in commit order. */
  public static final TypeInformation<List<Notification>> BATCH =
      new ListTypeInfo<>(new AvroSpecificTypeInfo<>(Notification.class));

  private static final long HOUR_MILLIS = 3_600_000L;

  private final EmailBatching rules;

  private transient ListState<Notification> pending;
  private transient ValueState<Long> firstAt;
  private transient ValueState<Long> lastAt;
  private transient ListState<Long> sentAt;
  private transient ValueState<Long> timer;

  public EmailBatchFunction(EmailBatching rules) {
    this.rules = rules;
  }

  @Override
  public void open(OpenContext openContext) {
    pending =
        getRuntimeContext()
            .getListState(
                new ListStateDescriptor<>(
                    "email-pending", new AvroSpecificTypeInfo<>(Notification.class)));
    firstAt = getRuntimeContext().getState(new ValueStateDescriptor<>("email-first", Types.LONG));
    lastAt = getRuntimeContext().getState(new ValueStateDescriptor<>("email-last", Types.LONG));
    sentAt = getRuntimeContext().getListState(new ListStateDescriptor<>("email-sent", Types.LONG));
    timer = getRuntimeContext().getState(new ValueStateDescriptor<>("email-timer", Types.LONG));
  }

  @Override
  public void processElement(
      Notification notification, Context ctx, Collector<List<Notification>> out) throws Exception {
    long now = ctx.timerService().currentProcessingTime();
    apply(rules.onNotification(load(), notification, now), ctx.timerService(), out);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<List<Notification>> out)
      throws Exception {
    timer.clear();
    apply(rules.onTimer(load(), timestamp), ctx.timerService(), out);
  }

  @Override
  public TypeInformation<List<Notification>> getProducedType() {
    return BATCH;
  }

  private BatchState load() throws Exception {
    List<Notification> waiting = new ArrayList<>();
    pending.get().forEach(waiting::add);
    List<Long> sent = new ArrayList<>();
    sentAt.get().forEach(sent::add);
    return new BatchState(waiting, firstAt.value(), lastAt.value(), sent);
  }

  private void apply(
      EmailBatching.Step step,
      org.apache.flink.streaming.api.TimerService timers,
      Collector<List<Notification>> out)
      throws Exception {
    BatchState state = step.state();
    pending.update(state.pending());
    sentAt.update(state.sentAt());
    update(firstAt, state.firstAt());
    update(lastAt, state.lastAt());
    // Nothing waiting but recent sends: wake once they are an hour old, to forget them.
    Long wake = step.wakeAt();
    if (wake == null && !state.sentAt().isEmpty()) {
      wake = state.sentAt().get(state.sentAt().size() - 1) + HOUR_MILLIS;
    }
    Long set = timer.value();
    if (set != null && !set.equals(wake)) {
      timers.deleteProcessingTimeTimer(set);
      timer.clear();
    }
    if (wake != null && !wake.equals(set)) {
      timers.registerProcessingTimeTimer(wake);
      timer.update(wake);
    }
    if (state.pending().isEmpty() && state.sentAt().isEmpty()) {
      pending.clear();
      sentAt.clear();
    }
    step.emails().forEach(out::collect);
  }

  private static void update(ValueState<Long> state, Long value) throws Exception {
    if (value == null) {
      state.clear();
    } else {
      state.update(value);
    }
  }
}
