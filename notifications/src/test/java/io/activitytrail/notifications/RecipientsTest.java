package io.activitytrail.notifications;

import static io.activitytrail.notifications.TestActivities.activity;
import static io.activitytrail.notifications.TestActivities.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.Notification;
import io.activitytrail.event.NotificationChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecipientsTest {

  private static final Recipients RULES =
      new Recipients(Set.of("owner", "admin"), Set.of("login_succeeded", "role_changed"));

  // Ada (5) and Bo (6) are agents, Ines (1) an admin, Carla (7) an agent without an address.
  private final InMemoryWorkspaceFacts facts =
      new InMemoryWorkspaceFacts(Set.of("owner", "admin"))
          .apply(
              List.of(
                  new FactUpdate.MemberSeen(new Member("5", "ada@acme.test", "Ada", "agent")),
                  new FactUpdate.MemberSeen(new Member("6", "bo@acme.test", "Bo", "agent")),
                  new FactUpdate.MemberSeen(new Member("1", "ines@acme.test", "Ines", "admin")),
                  new FactUpdate.MemberSeen(new Member("7", null, "Carla", "agent"))));

  @Test
  @DisplayName(
      "an assignment by one agent to another reaches the assignee in the app and by email, never"
          + " the actor")
  void assignment() {
    facts.assign("ticket", "42", "6");

    List<Decision> decisions = RULES.decide(assigned(user("5"), null, "6"), facts);

    assertThat(decisions)
        .containsExactly(new Decision(member("6"), Reason.ASSIGNED, Channels.BOTH));
  }

  @Test
  @DisplayName("a reassignment tells the previous assignee it was taken from them")
  void reassignment() {
    facts.assign("ticket", "42", "6");

    List<Decision> decisions = RULES.decide(assigned(user("1"), "5", "6"), facts);

    assertThat(decisions)
        .containsExactlyInAnyOrder(
            new Decision(member("6"), Reason.ASSIGNED, Channels.BOTH),
            new Decision(member("5"), Reason.UNASSIGNED, Channels.BOTH));
  }

  @Test
  @DisplayName("an agent assigning a ticket to themself notifies no one")
  void selfAssignment() {
    facts.assign("ticket", "42", "5");

    assertThat(RULES.decide(assigned(user("5"), null, "5"), facts)).isEmpty();
  }

  @Test
  @DisplayName(
      "an automation's assignment notifies like a person's: the actor is a rule, not a recipient")
  void automationAssignment() {
    facts.assign("ticket", "42", "6");
    Actor rule =
        Actor.newBuilder(user("x"))
            .setType("automation")
            .setId("rule-7")
            .setName("Route VPN tickets")
            .build();

    assertThat(RULES.decide(assigned(rule, null, "6"), facts))
        .extracting(d -> d.recipient().id())
        .containsExactly("6");
  }

  @Test
  @DisplayName(
      "a customer's reply reaches the ticket's assignee; a customer is never a recipient, even"
          + " with a team member's id")
  void customerReply() {
    facts.assign("ticket", "42", "5");
    Actor customer = Actor.newBuilder(user("x")).setType("customer").setId("5").build();

    assertThat(RULES.decide(activity("message_received", customer), facts))
        .containsExactly(new Decision(member("5"), Reason.ASSIGNED, Channels.BOTH));
  }

  @Test
  @DisplayName(
      "a comment reaches the assignee by default; an update of another field does not, by"
          + " default")
  void assignedScopeDefaults() {
    facts.assign("ticket", "42", "5");

    assertThat(RULES.decide(activity("comment_added", user("6")), facts))
        .extracting(Decision::channels)
        .containsExactly(Channels.BOTH);
    assertThat(RULES.decide(activity("updated", user("6")), facts)).isEmpty();
  }

  @Test
  @DisplayName(
      "followers hear every activity in the app, comments also by email; a file filed under a"
          + " followed ticket reaches them too")
  void followers() {
    facts.follow("ticket", "42", "6");

    assertThat(RULES.decide(activity("updated", user("5")), facts))
        .containsExactly(new Decision(member("6"), Reason.FOLLOWING, Channels.IN_APP));
    assertThat(RULES.decide(activity("comment_added", user("5")), facts))
        .containsExactly(new Decision(member("6"), Reason.FOLLOWING, Channels.BOTH));
    ActivityEvent file = activity("file_attached", user("5"));
    file.setRecordType("file");
    file.setRecordId("900");
    file.setParentRecordType("ticket");
    file.setParentRecordId("42");
    assertThat(RULES.decide(file, facts)).extracting(d -> d.recipient().id()).containsExactly("6");
  }

  @Test
  @DisplayName(
      "a setting for exactly the type wins over one for every type, which wins over the defaults")
  void precedence() {
    facts.assign("ticket", "42", "5");
    facts.putPreference("5", new Preference("*", Scope.ASSIGNED, true, false));
    facts.putPreference("5", new Preference("message_received", Scope.ASSIGNED, false, true));

    assertThat(channelsOf("comment_added")).isEqualTo(new Channels(true, false));
    assertThat(channelsOf("message_received")).isEqualTo(new Channels(false, true));
    assertThat(channelsOf("updated")).isEqualTo(new Channels(true, false));
  }

  @Test
  @DisplayName("a setting switched off for both channels makes the user no recipient at all")
  void switchedOff() {
    facts.assign("ticket", "42", "6");
    facts.putPreference("6", new Preference("assigned", Scope.ASSIGNED, false, false));

    assertThat(RULES.decide(assigned(user("5"), null, "6"), facts)).isEmpty();
  }

  @Test
  @DisplayName("a workspace-scope setting brings a type from every record")
  void workspaceScope() {
    facts.putPreference("6", new Preference("status_changed", Scope.WORKSPACE, true, false));

    assertThat(RULES.decide(activity("status_changed", user("5")), facts))
        .containsExactly(new Decision(member("6"), Reason.WORKSPACE, Channels.IN_APP));
  }

  @Test
  @DisplayName(
      "audit events reach administrators only, whatever a member's settings say; by default"
          + " role changes in the app, failed logins not at all")
  void auditEvents() {
    facts.putPreference("6", new Preference("*", Scope.WORKSPACE, true, true));

    ActivityEvent roleChanged = activity("role_changed", user("5"));
    roleChanged.setCategory(Category.audit);
    ActivityEvent loginFailed = activity("login_failed", user("5"));
    loginFailed.setCategory(Category.audit);

    assertThat(RULES.decide(roleChanged, facts))
        .containsExactly(new Decision(member("1"), Reason.AUDIT, Channels.IN_APP));
    assertThat(RULES.decide(loginFailed, facts)).isEmpty();
  }

  @Test
  @DisplayName("the feed's copy of a team action notifies no one: its audit original does")
  void feedCopies() {
    ActivityEvent copy = activity("role_changed", user("5"));
    copy.setCategory(Category.activity);

    assertThat(RULES.decide(copy, facts)).isEmpty();
  }

  @Test
  @DisplayName("a member without an address is notified in the app only")
  void noAddress() {
    facts.assign("ticket", "42", "7");

    assertThat(RULES.decide(assigned(user("5"), null, "7"), facts))
        .containsExactly(new Decision(member("7"), Reason.ASSIGNED, Channels.IN_APP));
  }

  @Test
  @DisplayName(
      "an assignee who also follows is notified once, for the strongest reason that brings any"
          + " channel")
  void oneNotificationPerRecipient() {
    facts.assign("ticket", "42", "6");
    facts.follow("ticket", "42", "6");

    assertThat(RULES.decide(activity("comment_added", user("5")), facts))
        .containsExactly(new Decision(member("6"), Reason.ASSIGNED, Channels.BOTH));
    // by default an assignee hears no plain update: following is what brings it, in the app
    assertThat(RULES.decide(activity("updated", user("5")), facts))
        .containsExactly(new Decision(member("6"), Reason.FOLLOWING, Channels.IN_APP));
  }

  @Test
  @DisplayName(
      "each decision becomes one notification per channel, with an id of event, recipient and"
          + " channel")
  void deterministicIds() {
    facts.assign("ticket", "42", "6");
    ActivityEvent event = assigned(user("5"), null, "6");

    List<Notification> first = Notifications.of(event, RULES.decide(event, facts));
    List<Notification> replay = Notifications.of(event, RULES.decide(event, facts));

    assertThat(first)
        .extracting(Notification::getChannel, Notification::getRecipientEmail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(NotificationChannel.in_app, null),
            org.assertj.core.groups.Tuple.tuple(NotificationChannel.email, "bo@acme.test"));
    assertThat(first).isEqualTo(replay);
    assertThat(first.get(0).getNotificationId())
        .isEqualTo(Notifications.id(event.getEventId(), "6", NotificationChannel.in_app))
        .isNotEqualTo(first.get(1).getNotificationId());
  }

  private Channels channelsOf(String type) {
    return RULES.decide(activity(type, user("6")), facts).get(0).channels();
  }

  private Member member(String id) {
    return facts.member(id).orElseThrow();
  }

  private static ActivityEvent assigned(Actor actor, String from, String to) {
    ActivityEvent event = activity("assigned", actor);
    event.setChanges(new ArrayList<>(List.of(TestActivities.change("assignee_id", from, to))));
    return event;
  }
}
