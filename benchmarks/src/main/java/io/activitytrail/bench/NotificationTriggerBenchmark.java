package io.activitytrail.bench;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.Notification;
import io.activitytrail.event.SourcePosition;
import io.activitytrail.notifications.Decision;
import io.activitytrail.notifications.FactUpdate;
import io.activitytrail.notifications.InMemoryWorkspaceFacts;
import io.activitytrail.notifications.Member;
import io.activitytrail.notifications.Notifications;
import io.activitytrail.notifications.Preference;
import io.activitytrail.notifications.Recipients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The notifier's trigger step on one thread: {@link Recipients#decide} then {@link
 * Notifications#of}, as the normalizer runs them after each activity. Score: activities per second;
 * the {@code notifications} counter: notifications made per second (in-app and email each count).
 *
 * <p>One busy workspace, in memory ({@link InMemoryWorkspaceFacts}, the model the job's keyed state
 * follows): 60 team members with addresses (an owner, 3 admins, 50 agents, 6 light agents), a fifth
 * of them with settings rows (admins watching the workspace in the app, agents muting comment
 * emails, light agents following closely), 2,000 assigned tickets with 0-3 followers each. The
 * activities are a helpdesk mix by agents, customers and rules: status changes, comments, customer
 * replies, reassignments, field updates, files on tickets, and failed logins (audit: admins only).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class NotificationTriggerBenchmark {
  static final int AGENTS = 50;
  static final int TICKETS = 2_000;
  static final int ACTIVITIES = 8_192;
  private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

  private final Recipients recipients =
      new Recipients(Set.of("owner", "admin"), Set.of("login_succeeded", "role_changed"));
  private InMemoryWorkspaceFacts facts;
  private ActivityEvent[] activities;
  private int next;

  /** Notifications made, reported by JMH per second beside the activities. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Made {
    public long notifications;

    @Setup(Level.Iteration)
    public void reset() {
      notifications = 0;
    }
  }

  @Setup(Level.Trial)
  public void load() {
    SplittableRandom random = new SplittableRandom(42);
    facts = workspace(random);
    activities = new ActivityEvent[ACTIVITIES];
    for (int i = 0; i < ACTIVITIES; i++) {
      activities[i] = activity(random, i);
    }
  }

  @Benchmark
  public List<Notification> trigger(Made made) {
    ActivityEvent event = activities[next];
    next = (next + 1) % ACTIVITIES;
    List<Decision> decisions = recipients.decide(event, facts);
    List<Notification> notifications = Notifications.of(event, decisions);
    made.notifications += notifications.size();
    return notifications;
  }

  /** Team ids: 1 owner, 2-4 admins, 5-54 agents, 55-60 light agents. */
  static InMemoryWorkspaceFacts workspace(SplittableRandom random) {
    List<FactUpdate> updates = new ArrayList<>();
    for (int id = 1; id <= 60; id++) {
      String role = id == 1 ? "owner" : id <= 4 ? "admin" : id <= 54 ? "agent" : "light_agent";
      updates.add(
          new FactUpdate.MemberSeen(
              new Member(Integer.toString(id), "user" + id + "@acme.test", "User " + id, role)));
    }
    for (int admin = 2; admin <= 4; admin++) {
      updates.add(pref(admin, "*", io.activitytrail.notifications.Scope.WORKSPACE, true, false));
    }
    for (int agent = 5; agent < 5 + 6; agent++) {
      updates.add(
          pref(agent, "comment_added", io.activitytrail.notifications.Scope.ASSIGNED, true, false));
    }
    for (int light = 55; light <= 60; light++) {
      updates.add(pref(light, "*", io.activitytrail.notifications.Scope.FOLLOWING, true, true));
    }
    for (int t = 1; t <= TICKETS; t++) {
      String ticket = Integer.toString(t);
      updates.add(new FactUpdate.Assigned("ticket", ticket, agent(random)));
      for (int f = random.nextInt(4); f > 0; f--) {
        updates.add(
            new FactUpdate.Followed("ticket", ticket, Integer.toString(1 + random.nextInt(60))));
      }
    }
    return new InMemoryWorkspaceFacts(Set.of("owner", "admin")).apply(updates);
  }

  private static FactUpdate pref(
      int user,
      String type,
      io.activitytrail.notifications.Scope scope,
      boolean app,
      boolean mail) {
    return new FactUpdate.PreferenceSet(
        Integer.toString(user), new Preference(type, scope, app, mail));
  }

  private static String agent(SplittableRandom random) {
    return Integer.toString(5 + random.nextInt(AGENTS));
  }

  /** One activity of the mix, on a random ticket, by an agent unless a customer or rule acts. */
  public static ActivityEvent activity(SplittableRandom random, int i) {
    String ticket = Integer.toString(1 + random.nextInt(TICKETS));
    int draw = random.nextInt(100);
    ActivityEvent.Builder event = base(i, ticket).setActor(user(agent(random)));
    if (draw < 30) {
      event.setType("status_changed").setChanges(List.of(change("status", "open", "pending")));
    } else if (draw < 50) {
      event.setType("comment_added");
    } else if (draw < 65) {
      event
          .setType("message_received")
          .setActor(actor("customer", "c" + random.nextInt(500), "A Customer"));
    } else if (draw < 80) {
      event
          .setType("assigned")
          .setChanges(List.of(change("assignee_id", agent(random), agent(random))));
      if (random.nextInt(4) == 0) {
        event.setActor(actor("automation", "rule-round-robin", "Round-robin assignment"));
      }
    } else if (draw < 90) {
      event.setType("updated").setChanges(List.of(change("priority", "normal", "high")));
    } else if (draw < 95) {
      event
          .setType("file_attached")
          .setRecordType("file")
          .setRecordId("f" + i)
          .setRecordDisplay("screenshot.png")
          .setParentRecordType("ticket")
          .setParentRecordId(ticket);
    } else {
      event
          .setCategory(Category.audit)
          .setType("login_failed")
          .setRecordType("team_member")
          .setRecordId(agent(random))
          .setRecordDisplay(null)
          .setActor(actor("unattributed", null, null));
    }
    return event.build();
  }

  private static ActivityEvent.Builder base(int i, String ticket) {
    return ActivityEvent.newBuilder()
        .setEventId("e-" + i)
        .setChangeId("c-" + i)
        .setWorkspaceId("acme")
        .setOccurredAt(START.plusMillis(i))
        .setProcessedAt(START.plusMillis(i + 1))
        .setCategory(Category.activity)
        .setRecordType("ticket")
        .setRecordId(ticket)
        .setRecordDisplay("#" + ticket + " Printer jam")
        .setChanges(new ArrayList<>())
        .setDetails(new HashMap<>())
        .setSource(
            SourcePosition.newBuilder()
                .setConnector("helpdesk")
                .setLsn((long) i)
                .setTxOrder(1L)
                .setTopic("helpdesk.helpdesk.tickets")
                .setPartition(0)
                .setOffset((long) i)
                .build());
  }

  private static Actor user(String id) {
    return actor("user", id, "User " + id);
  }

  private static Actor actor(String type, String id, String name) {
    return Actor.newBuilder()
        .setType(type)
        .setId(id)
        .setName(name)
        .setSource("context")
        .setExtra(new HashMap<>())
        .build();
  }

  private static FieldChange change(String field, String old, String now) {
    return FieldChange.newBuilder()
        .setField(field)
        .setOld(old)
        .setNew$(now)
        .setSensitive(false)
        .build();
  }
}
