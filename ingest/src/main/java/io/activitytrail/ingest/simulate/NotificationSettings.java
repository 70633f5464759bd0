package io.activitytrail.ingest.simulate;

import io.activitytrail.ingest.simulate.HelpdeskState.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Rows of Settings > Notifications ({@code helpdesk.notification_preferences}) as people set them:
 * the few a new workspace starts with, and the changes made later. Pure functions of their inputs,
 * so that a seed repeats the same settings.
 */
final class NotificationSettings {

  /** One row: which type ({@code *} for all) in which scope reaches the user on which channels. */
  record Row(long userId, String activityType, String scope, boolean inApp, boolean email) {}

  /**
   * The types people tune most: their own assignments, the conversation on a ticket, its status;
   * {@code *} is a whole scope at once.
   */
  static final List<String> TYPES =
      List.of(
          "*",
          "assigned",
          "comment_added",
          "message_received",
          "status_changed",
          "priority_changed",
          "file_attached");

  static final List<String> SCOPES = List.of("assigned", "following", "workspace");

  private NotificationSettings() {}

  /**
   * What a new workspace's team set on their first day, so that the notifier has rows to read
   * beside its defaults:
   *
   * <ul>
   *   <li>the first admin watches the whole workspace (every type), in the app only: a supervisor
   *       who wants the feed, not the mail;
   *   <li>the first agent turns email off for comments, on their tickets and on those they follow
   *       (internal notes are chatty), keeping them in the app;
   *   <li>the light agent follows tickets closely: every type of a followed ticket, by email too.
   * </ul>
   *
   * Roles missing from {@code users} simply contribute no row.
   */
  static List<Row> seeded(List<Person> users) {
    List<Row> rows = new ArrayList<>();
    first(users, "admin")
        .ifPresent(admin -> rows.add(new Row(admin.id(), "*", "workspace", true, false)));
    first(users, "agent")
        .ifPresent(
            agent -> {
              rows.add(new Row(agent.id(), "comment_added", "assigned", true, false));
              rows.add(new Row(agent.id(), "comment_added", "following", true, false));
            });
    first(users, "light_agent")
        .ifPresent(light -> rows.add(new Row(light.id(), "*", "following", true, true)));
    return rows;
  }

  /**
   * A change someone makes to their own settings. Email is switched off more often than on (the
   * usual reason to open the page), and a row never says "nothing at all" for the whole workspace
   * scope, which would only repeat the default.
   */
  static Row change(Person user, RandomGenerator random) {
    String type = Texts.oneOf(random, TYPES);
    String scope = Texts.oneOf(random, SCOPES);
    boolean inApp = random.nextInt(10) < 8;
    boolean email = random.nextInt(10) < 4;
    if (scope.equals("workspace") && !inApp && !email) {
      inApp = true;
    }
    return new Row(user.id(), type, scope, inApp, email);
  }

  private static java.util.Optional<Person> first(List<Person> users, String role) {
    return users.stream().filter(u -> u.role().equals(role)).findFirst();
  }
}
