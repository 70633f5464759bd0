package io.activitytrail.ingest.simulate;

import io.activitytrail.ingest.simulate.HelpdeskState.Person;
import io.activitytrail.ingest.simulate.HelpdeskState.Ticket;
import io.activitytrail.ingest.simulate.HelpdeskState.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.random.RandomGenerator;

/**
 * Writes that bypass the application, so carry no context: what the pipeline must still record
 * (attributed from {@code updated_by} when the change itself set it, else unattributed).
 */
final class DirectSqlOperations {
  private final RandomGenerator random;

  DirectSqlOperations(RandomGenerator random) {
    this.random = random;
  }

  boolean run(Connection c, Workspace w) throws SQLException {
    if (!w.trashedAttachments.isEmpty() && random.nextBoolean()) {
      return purgeTrash(c, w);
    }
    return random.nextBoolean() ? closeSolved(c, w) : scriptedPriorityFix(c, w);
  }

  /**
   * The nightly retention job: hard-deletes trashed files (op=d with full old values downstream).
   */
  private boolean purgeTrash(Connection c, Workspace w) throws SQLException {
    Db.update(
        c,
        "DELETE FROM helpdesk.attachments WHERE workspace_id = ? AND deleted_at IS NOT NULL",
        w.id);
    w.trashedAttachments.clear();
    return true;
  }

  /** A bulk update with no author column touched: must come out unattributed. */
  private boolean closeSolved(Connection c, Workspace w) throws SQLException {
    int updated =
        Db.update(
            c,
            "UPDATE helpdesk.tickets SET status = 'closed', updated_at = now()"
                + " WHERE workspace_id = ? AND status = 'solved' AND deleted_at IS NULL",
            w.id);
    w.tickets.replaceAll(t -> t.status().equals("solved") ? t.withStatus("closed") : t);
    return updated > 0 || scriptedPriorityFix(c, w);
  }

  /**
   * A support engineer's one-off script that does set updated_by: attributable through the fallback
   * column.
   */
  private boolean scriptedPriorityFix(Connection c, Workspace w) throws SQLException {
    if (w.tickets.isEmpty()) {
      return false;
    }
    int i = random.nextInt(w.tickets.size());
    Ticket t = w.tickets.get(i);
    Person engineer = Texts.oneOf(random, w.usersWithRole("admin", "owner"));
    String priority = t.priority().equals("urgent") ? "high" : "urgent";
    Db.update(
        c,
        "UPDATE helpdesk.tickets SET priority = ?, updated_by = ?, updated_at = now() WHERE id = ?",
        priority,
        engineer.id(),
        t.id());
    w.tickets.set(i, t.withPriority(priority));
    return true;
  }
}
