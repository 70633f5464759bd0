package io.activitytrail.ingest.simulate;

import io.activitytrail.ingest.context.TrailContext;
import io.activitytrail.ingest.simulate.HelpdeskState.Follow;
import io.activitytrail.ingest.simulate.HelpdeskState.Person;
import io.activitytrail.ingest.simulate.HelpdeskState.Ticket;
import io.activitytrail.ingest.simulate.HelpdeskState.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.random.RandomGenerator;

/**
 * Settings > Notifications and the follow button: each a change a team member makes for themself,
 * so the context names them (the pipeline files it as their activity, and the notifier reads the
 * rows in commit order with the activities they govern).
 */
final class NotificationOperations {
  /** Recent tickets are the ones people start following, as in {@link TicketOperations}. */
  private static final int RECENT_TICKETS = 200;

  private final RandomGenerator random;
  private final Actors actors;

  NotificationOperations(RandomGenerator random, Actors actors) {
    this.random = random;
    this.actors = actors;
  }

  /** Someone on the team follows a recent ticket they do not follow yet. */
  boolean follow(Connection c, Workspace w) throws SQLException {
    if (w.tickets.isEmpty()) {
      return false;
    }
    Ticket ticket = w.tickets.get(w.tickets.size() - 1 - random.nextInt(recent(w)));
    Person user = Texts.oneOf(random, w.usersWithRole("owner", "admin", "agent", "light_agent"));
    Follow follow = new Follow("ticket", Long.toString(ticket.id()), user.id());
    if (w.follows.contains(follow)) {
      return false;
    }
    TrailContext.emit(c, actors.member(w, user));
    insertFollower(c, w.id, follow.recordType(), follow.recordId(), user.id());
    w.follows.add(follow);
    return true;
  }

  /** A follower has heard enough: they stop following one record. */
  boolean unfollow(Connection c, Workspace w) throws SQLException {
    if (w.follows.isEmpty()) {
      return false;
    }
    Follow follow = w.follows.get(random.nextInt(w.follows.size()));
    TrailContext.emit(c, actors.member(w, w.user(follow.userId())));
    Db.update(
        c,
        "DELETE FROM helpdesk.record_followers"
            + " WHERE workspace_id = ? AND record_type = ? AND record_id = ? AND user_id = ?",
        w.id,
        follow.recordType(),
        follow.recordId(),
        follow.userId());
    w.follows.remove(follow);
    return true;
  }

  /** Someone changes one row of their own notification settings. */
  boolean changePreference(Connection c, Workspace w) throws SQLException {
    Person user = Texts.oneOf(random, w.usersWithRole("owner", "admin", "agent", "light_agent"));
    NotificationSettings.Row row = NotificationSettings.change(user, random);
    TrailContext.emit(c, actors.member(w, user));
    upsertPreference(c, w.id, row);
    return true;
  }

  /** One row per (user, type, scope): a second choice replaces the first and dates itself. */
  static void upsertPreference(Connection c, String workspaceId, NotificationSettings.Row row)
      throws SQLException {
    Db.update(
        c,
        "INSERT INTO helpdesk.notification_preferences"
            + " (workspace_id, user_id, activity_type, scope, in_app, email) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (workspace_id, user_id, activity_type, scope) DO UPDATE"
            + " SET in_app = EXCLUDED.in_app, email = EXCLUDED.email, updated_at = now()",
        workspaceId,
        row.userId(),
        row.activityType(),
        row.scope(),
        row.inApp(),
        row.email());
  }

  static void insertFollower(
      Connection c, String workspaceId, String recordType, String recordId, long userId)
      throws SQLException {
    Db.update(
        c,
        "INSERT INTO helpdesk.record_followers (workspace_id, record_type, record_id, user_id)"
            + " VALUES (?, ?, ?, ?)",
        workspaceId,
        recordType,
        recordId,
        userId);
  }

  private static int recent(Workspace w) {
    return Math.min(w.tickets.size(), RECENT_TICKETS);
  }
}
