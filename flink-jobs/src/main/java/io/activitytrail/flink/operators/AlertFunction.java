package io.activitytrail.flink.operators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.alerts.Alert;
import io.activitytrail.alerts.AlertEvents;
import io.activitytrail.alerts.AlertRule;
import io.activitytrail.alerts.GroupState;
import io.activitytrail.alerts.InvalidRuleException;
import io.activitytrail.alerts.RuleEvaluator;
import io.activitytrail.alerts.RuleParser;
import io.activitytrail.alerts.RuleRows;
import io.activitytrail.alerts.RuleVocabulary;
import io.activitytrail.alerts.RulesInForce;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.Notification;
import io.activitytrail.flink.deadletter.DeadLetter;
import io.activitytrail.flink.types.GroupStateSerializer;
import io.activitytrail.flink.types.TrailTypes;
import io.activitytrail.notifications.Notifications;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Alert rules over one workspace's activities and audit events (keyed by workspace): the built-in
 * pack and the workspace's own rules, rebuilt from its {@code alert_rule_changed} events, each
 * evaluated per group key by {@link RuleEvaluator}. A condition met emits one {@code alert_fired}
 * audit event and, on {@link #ALERT_EMAILS}, one email notification per recipient (a role stands
 * for the workspace's members with it, known from their {@code team_member} events). A rule row
 * that does not parse goes to {@link #DEAD_LETTERS} with the reason, and is not in force until a
 * later change fixes it.
 *
 * <p>State, all checkpointed: the rule rows, the members' addresses and roles, and each group's
 * hits and open alert. A group is cleared once its window and suppression have passed; the clock
 * for that is the newest commit time seen, moved on by processing time while the workspace is
 * quiet, and a processing-time timer wakes the operator when the next group is due.
 *
 * <p>Metric: {@code alertsFired}.
 */
public final class AlertFunction extends KeyedProcessFunction<String, ActivityEvent, ActivityEvent>
    implements ResultTypeQueryable<ActivityEvent> {

  public static final OutputTag<Notification> ALERT_EMAILS =
      new OutputTag<>("alert-emails", new AvroSpecificTypeInfo<>(Notification.class));

  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("alert-rule-dead-letters", TrailTypes.DEAD_LETTER);

  static final String MEMBER_RECORD_TYPE = "team_member";
  private static final String KEY_SEPARATOR = "\u0000";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> ROW = new TypeReference<>() {};

  private final List<AlertRule> builtIns;
  private final RuleVocabulary vocabulary;
  private final Set<String> feedAuditTypes;

  private transient MapState<String, String> ruleRows;
  private transient MapState<String, String> memberEmails;
  private transient MapState<String, String> memberRoles;
  private transient MapState<String, GroupState> groups;
  private transient ValueState<Long> clock;
  private transient ValueState<Long> clockAt;
  private transient ValueState<Long> timer;
  private transient Map<String, List<AlertRule>> inForce;
  private transient Counter fired;

  /**
   * @param builtIns the built-in pack's valid rules (the job refuses to start on an invalid pack)
   * @param vocabulary what a workspace rule's filter may name
   * @param feedAuditTypes audit types the normalizer copies into the feed: the copy is not counted
   *     again
   */
  public AlertFunction(
      List<AlertRule> builtIns, RuleVocabulary vocabulary, Set<String> feedAuditTypes) {
    this.builtIns = List.copyOf(builtIns);
    this.vocabulary = vocabulary;
    this.feedAuditTypes = Set.copyOf(feedAuditTypes);
  }

  @Override
  public void open(OpenContext openContext) {
    ruleRows =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("alert-rule-rows", Types.STRING, Types.STRING));
    memberEmails =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("member-emails", Types.STRING, Types.STRING));
    memberRoles =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("member-roles", Types.STRING, Types.STRING));
    groups =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "alert-groups", StringSerializer.INSTANCE, new GroupStateSerializer()));
    clock = getRuntimeContext().getState(new ValueStateDescriptor<>("clock", Types.LONG));
    clockAt = getRuntimeContext().getState(new ValueStateDescriptor<>("clock-at", Types.LONG));
    timer = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup-timer", Types.LONG));
    inForce = new HashMap<>();
    fired = getRuntimeContext().getMetricGroup().counter("alertsFired");
  }

  @Override
  public TypeInformation<ActivityEvent> getProducedType() {
    return new AvroSpecificTypeInfo<>(ActivityEvent.class);
  }

  @Override
  public void processElement(ActivityEvent event, Context ctx, Collector<ActivityEvent> out)
      throws Exception {
    long now = ctx.timerService().currentProcessingTime();
    String workspace = ctx.getCurrentKey();
    if (clock.value() == null || event.getOccurredAt().toEpochMilli() > clock.value()) {
      clock.update(event.getOccurredAt().toEpochMilli());
      clockAt.update(now);
    }
    if (MEMBER_RECORD_TYPE.equals(event.getRecordType())) {
      remember(event);
    }
    if (RuleRows.isRuleChange(event)) {
      ruleChanged(event, ctx);
    }
    if (isFeedCopy(event)) {
      return; // its audit original counts
    }
    for (AlertRule rule : rules(workspace)) {
      String groupKey = RuleEvaluator.groupKey(rule, event);
      if (groupKey == null) {
        continue;
      }
      String key = rule.id() + KEY_SEPARATOR + groupKey;
      GroupState before = groups.get(key);
      RuleEvaluator.Step step =
          RuleEvaluator.step(rule, groupKey, before == null ? GroupState.EMPTY : before, event);
      if (step.state().isEmpty()) {
        groups.remove(key);
      } else {
        groups.put(key, step.state());
      }
      if (step.fired() != null) {
        fire(step.fired(), event, ctx, out);
      }
    }
    scheduleCleanup(ctx, now);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ActivityEvent> out)
      throws Exception {
    timer.clear();
    Long seen = clock.value();
    if (seen == null) {
      return;
    }
    // the workspace's event time, moved on by the wall clock while nothing came
    Instant now = Instant.ofEpochMilli(seen + Math.max(0, timestamp - clockAt.value()));
    Map<String, AlertRule> rules = new HashMap<>();
    rules(ctx.getCurrentKey()).forEach(r -> rules.put(r.id(), r));
    List<String> done = new ArrayList<>();
    for (Map.Entry<String, GroupState> group : groups.entries()) {
      AlertRule rule = rules.get(ruleIdOf(group.getKey()));
      if (rule == null || group.getValue().at(now, rule.window()).isEmpty()) {
        done.add(group.getKey());
      }
    }
    for (String key : done) {
      groups.remove(key);
    }
    if (groups.isEmpty()) {
      clock.clear();
      clockAt.clear();
    } else {
      scheduleCleanup(ctx, timestamp);
    }
  }

  private void fire(
      Alert alert, ActivityEvent completing, Context ctx, Collector<ActivityEvent> out)
      throws Exception {
    ActivityEvent event = AlertEvents.of(alert, completing);
    fired.inc();
    out.collect(event);
    Map<String, String> addresses = new LinkedHashMap<>(); // address -> recipient id
    for (String recipient : alert.recipients()) {
      if (AlertRule.ROLES.contains(recipient)) {
        for (Map.Entry<String, String> member : memberRoles.entries()) {
          String email = memberEmails.get(member.getKey());
          if (recipient.equals(member.getValue()) && email != null) {
            addresses.putIfAbsent(email, member.getKey());
          }
        }
      } else {
        addresses.putIfAbsent(recipient, recipient);
      }
    }
    addresses.forEach(
        (address, recipientId) ->
            ctx.output(ALERT_EMAILS, Notifications.alertEmail(event, recipientId, address)));
  }

  private boolean isFeedCopy(ActivityEvent event) {
    return event.getCategory() == Category.activity && feedAuditTypes.contains(event.getType());
  }

  /** A team member's address and role, as their events carry them. */
  private void remember(ActivityEvent event) throws Exception {
    String id = event.getRecordId();
    if ("deleted".equals(event.getType())) {
      memberEmails.remove(id);
      memberRoles.remove(id);
      return;
    }
    for (FieldChange change : event.getChanges()) {
      String value = change.getNew$();
      if ("email".equals(change.getField())) {
        put(memberEmails, id, value);
      } else if ("role".equals(change.getField())) {
        put(memberRoles, id, value);
      }
    }
  }

  private void ruleChanged(ActivityEvent event, Context ctx) throws Exception {
    String ruleId = event.getRecordId();
    inForce.remove(ctx.getCurrentKey());
    if (RuleRows.isDeletion(event)) {
      ruleRows.remove(ruleId);
      return;
    }
    String before = ruleRows.get(ruleId);
    Map<String, String> row =
        RuleRows.apply(before == null ? Map.of() : JSON.readValue(before, ROW), event);
    ruleRows.put(ruleId, json(row));
    try {
      RuleParser.workspaceRule(RuleRows.toJson(ruleId, event.getWorkspaceId(), row), vocabulary);
    } catch (InvalidRuleException e) {
      ctx.output(
          DEAD_LETTERS,
          DeadLetter.invalidRule(event, json(row), e, ctx.timerService().currentProcessingTime()));
    }
  }

  /** The rules in force in the workspace, parsed once per change of its rule rows. */
  private List<AlertRule> rules(String workspace) throws Exception {
    List<AlertRule> cached = inForce.get(workspace);
    if (cached != null) {
      return cached;
    }
    List<AlertRule> own = new ArrayList<>();
    for (Map.Entry<String, String> row : ruleRows.entries()) {
      try {
        own.add(
            RuleParser.workspaceRule(
                RuleRows.toJson(row.getKey(), workspace, JSON.readValue(row.getValue(), ROW)),
                vocabulary));
      } catch (InvalidRuleException e) {
        // reported when the row changed; not in force until a change fixes it
      }
    }
    List<AlertRule> rules = RulesInForce.of(builtIns, own);
    inForce.put(workspace, rules);
    return rules;
  }

  private void scheduleCleanup(Context ctx, long now) throws Exception {
    if (timer.value() != null || groups.isEmpty()) {
      return;
    }
    Long seen = clock.value();
    Map<String, AlertRule> rules = new HashMap<>();
    rules(ctx.getCurrentKey()).forEach(r -> rules.put(r.id(), r));
    long next = Long.MAX_VALUE;
    for (Map.Entry<String, GroupState> group : groups.entries()) {
      AlertRule rule = rules.get(ruleIdOf(group.getKey()));
      Instant expires = rule == null ? null : group.getValue().expiresAt(rule.window());
      long due = expires == null ? 0 : Math.max(0, expires.toEpochMilli() - seen);
      next = Math.min(next, due);
    }
    long at = now + Math.max(next, 1_000);
    ctx.timerService().registerProcessingTimeTimer(at);
    timer.update(at);
  }

  private static String ruleIdOf(String groupKey) {
    return groupKey.substring(0, groupKey.indexOf(KEY_SEPARATOR));
  }

  private static void put(MapState<String, String> state, String key, String value)
      throws Exception {
    if (value == null) {
      state.remove(key);
    } else {
      state.put(key, value);
    }
  }

  private static String json(Map<String, String> row) {
    try {
      return JSON.writeValueAsString(row);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a rule row as JSON", e);
    }
  }
}
