package io.activitytrail.ingest.simulate;

import io.activitytrail.ingest.context.TrailContext;
import io.activitytrail.ingest.simulate.HelpdeskState.Attachment;
import io.activitytrail.ingest.simulate.HelpdeskState.Person;
import io.activitytrail.ingest.simulate.HelpdeskState.Ticket;
import io.activitytrail.ingest.simulate.HelpdeskState.Workspace;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The ticket side of a helpdesk day. Each method writes one transaction's worth (context first,
 * then the rows) and returns false, having written nothing, when the workspace has nothing to act
 * on yet.
 */
final class TicketOperations {
  private static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");

  /** Where a ticket can go from each status (closed is final). */
  private static final Map<String, List<String>> NEXT_STATUS =
      Map.of(
          "new", List.of("open"),
          "open", List.of("in_progress", "pending", "on_hold", "solved"),
          "in_progress", List.of("pending", "on_hold", "solved"),
          "pending", List.of("open", "solved"),
          "on_hold", List.of("open"),
          "solved", List.of("closed", "open"),
          "closed", List.of());

  private final RandomGenerator random;
  private final Actors actors;

  TicketOperations(RandomGenerator random, Actors actors) {
    this.random = random;
    this.actors = actors;
  }

  /** A customer writes in by email, or an agent opens a ticket for a customer who phoned. */
  boolean create(Connection c, Workspace w) throws SQLException {
    Person customer = Texts.oneOf(random, w.customers);
    Person agent = null;
    if (random.nextInt(10) < 7) {
      TrailContext.emit(c, actors.customerByEmail(customer));
    } else {
      agent = agent(w);
      TrailContext.emit(c, actors.member(w, agent));
    }
    String priority = PRIORITIES.get(Math.min(3, random.nextInt(5)));
    int number = ++w.lastTicketNumber;
    Long agentId = agent == null ? null : agent.id();
    long id =
        Db.insert(
            c,
            "INSERT INTO helpdesk.tickets (workspace_id, number, subject, priority, customer_id, created_by,"
                + " updated_by, tags, custom_fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)",
            w.id,
            number,
            Texts.subject(random),
            priority,
            customer.id(),
            agentId,
            agentId,
            "[\"" + Texts.oneOf(random, Texts.TAGS) + "\"]",
            "{\"source\": \"" + (agent == null ? "email" : "phone") + "\"}");
    Db.update(
        c,
        "INSERT INTO helpdesk.ticket_messages (workspace_id, ticket_id, direction, author_id, body)"
            + " VALUES (?, ?, 'inbound', ?, ?)",
        w.id,
        id,
        customer.id(),
        Texts.customerMessage(random, customer.name()));
    w.tickets.add(new Ticket(id, customer.id(), "new", priority, null));
    return true;
  }

  /** An agent answers the customer; the ticket then waits on the customer. */
  boolean agentReply(Connection c, Workspace w) throws SQLException {
    int i = pickTicket(w, t -> !t.status().equals("closed"));
    if (i < 0) {
      return false;
    }
    Ticket t = w.tickets.get(i);
    Person agent = t.assigneeId() != null ? w.user(t.assigneeId()) : agent(w);
    TrailContext.emit(c, actors.member(w, agent));
    Db.update(
        c,
        "INSERT INTO helpdesk.ticket_messages (workspace_id, ticket_id, direction, author_id, body)"
            + " VALUES (?, ?, 'outbound', ?, ?)",
        w.id,
        t.id(),
        agent.id(),
        Texts.agentReply(random, w.customer(t.customerId()).name(), agent.name()));
    setStatus(c, w, i, "pending", agent.id());
    return true;
  }

  /** The customer answers by email, which reopens the ticket. */
  boolean customerReply(Connection c, Workspace w) throws SQLException {
    int i = pickTicket(w, t -> t.status().equals("pending") || t.status().equals("solved"));
    if (i < 0) {
      return false;
    }
    Ticket t = w.tickets.get(i);
    Person customer = w.customer(t.customerId());
    TrailContext.emit(c, actors.customerByEmail(customer));
    Db.update(
        c,
        "INSERT INTO helpdesk.ticket_messages (workspace_id, ticket_id, direction, author_id, body)"
            + " VALUES (?, ?, 'inbound', ?, ?)",
        w.id,
        t.id(),
        customer.id(),
        Texts.customerMessage(random, customer.name()));
    Db.update(
        c, "UPDATE helpdesk.tickets SET status = 'open', updated_at = now() WHERE id = ?", t.id());
    w.tickets.set(i, t.withStatus("open"));
    return true;
  }

  boolean changeStatus(Connection c, Workspace w) throws SQLException {
    int i = pickTicket(w, t -> !NEXT_STATUS.get(t.status()).isEmpty());
    if (i < 0) {
      return false;
    }
    Person agent = agent(w);
    TrailContext.emit(c, actors.member(w, agent));
    setStatus(c, w, i, Texts.oneOf(random, NEXT_STATUS.get(w.tickets.get(i).status())), agent.id());
    return true;
  }

  /** An agent assigns a ticket to a colleague or to themself. */
  boolean assign(Connection c, Workspace w) throws SQLException {
    int i = pickTicket(w, t -> !t.status().equals("closed"));
    if (i < 0) {
      return false;
    }
    Person agent = agent(w);
    Person assignee = agent(w);
    TrailContext.emit(c, actors.member(w, agent));
    Db.update(
        c,
        "UPDATE helpdesk.tickets SET assignee_id = ?, updated_by = ?, updated_at = now() WHERE id = ?",
        assignee.id(),
        agent.id(),
        w.tickets.get(i).id());
    w.tickets.set(i, w.tickets.get(i).withAssignee(assignee.id()));
    return true;
  }

  /** An automation rule routes an unassigned ticket; no team member is behind the change. */
  boolean ruleAssign(Connection c, Workspace w) throws SQLException {
    int i = pickTicket(w, t -> t.assigneeId() == null && !t.status().equals("closed"));
    if (i < 0) {
      return false;
    }
    Person assignee = agent(w);
    TrailContext.emit(c, actors.rule(Texts.oneOf(random, Actors.RULES)));
    Db.update(
        c,
        "UPDATE helpdesk.tickets SET assignee_id = ?, updated_at = now() WHERE id = ?",
        assignee.id(),
        w.tickets.get(i).id());
    w.tickets.set(i, w.tickets.get(i).withAssignee(assignee.id()));
    return true;
  }

  boolean changePriority(Connection c, Workspace w) throws SQLException {
    int i = pickTicket(w, t -> !t.status().equals("closed"));
    if (i < 0) {
      return false;
    }
    Ticket t = w.tickets.get(i);
    String priority = otherThan(PRIORITIES, t.priority());
    Person agent = agent(w);
    TrailContext.emit(c, actors.member(w, agent));
    Db.update(
        c,
        "UPDATE helpdesk.tickets SET priority = ?, updated_by = ?, updated_at = now() WHERE id = ?",
        priority,
        agent.id(),
        t.id());
    w.tickets.set(i, t.withPriority(priority));
    return true;
  }

  /** Triage in one save: status, priority, assignee and tags together. */
  boolean updateSeveralFields(Connection c, Workspace w) throws SQLException {
    int i = pickTicket(w, t -> !NEXT_STATUS.get(t.status()).isEmpty());
    if (i < 0) {
      return false;
    }
    Ticket t = w.tickets.get(i);
    String status = Texts.oneOf(random, NEXT_STATUS.get(t.status()));
    String priority = otherThan(PRIORITIES, t.priority());
    Person agent = agent(w);
    Person assignee = agent(w);
    TrailContext.emit(c, actors.member(w, agent));
    Db.update(
        c,
        "UPDATE helpdesk.tickets SET status = ?, priority = ?, assignee_id = ?,"
            + " tags = tags || ?::jsonb, updated_by = ?, updated_at = now() WHERE id = ?",
        status,
        priority,
        assignee.id(),
        "[\"" + Texts.oneOf(random, Texts.TAGS) + "\"]",
        agent.id(),
        t.id());
    w.tickets.set(i, t.withStatus(status).withPriority(priority).withAssignee(assignee.id()));
    return true;
  }

  /** Mostly internal notes between agents, sometimes a public comment. */
  boolean comment(Connection c, Workspace w) throws SQLException {
    int i = pickTicket(w, t -> true);
    if (i < 0) {
      return false;
    }
    Person author = Texts.oneOf(random, w.usersWithRole("agent", "light_agent", "admin"));
    boolean internal = random.nextInt(10) < 7;
    TrailContext.emit(c, actors.member(w, author));
    Db.update(
        c,
        "INSERT INTO helpdesk.ticket_comments (workspace_id, ticket_id, author_id, body, internal)"
            + " VALUES (?, ?, ?, ?, ?)",
        w.id,
        w.tickets.get(i).id(),
        author.id(),
        Texts.note(random),
        internal);
    return true;
  }

  /** Mostly files on tickets; now and then on an asset (a receipt) or a customer (a contract). */
  boolean attachFile(Connection c, Workspace w) throws SQLException {
    int kind = random.nextInt(10);
    String recordType;
    long recordId;
    if (kind < 8 || w.assets.isEmpty()) {
      int i = pickTicket(w, t -> true);
      if (i < 0) {
        return false;
      }
      recordType = "ticket";
      recordId = w.tickets.get(i).id();
    } else if (kind == 8) {
      recordType = "asset";
      recordId = Texts.oneOf(random, w.assets).id();
    } else {
      recordType = "customer";
      recordId = Texts.oneOf(random, w.customers).id();
    }
    Person agent = agent(w);
    String fileName = Texts.fileName(random);
    byte[] content = new byte[64];
    random.nextBytes(content);
    TrailContext.emit(c, actors.member(w, agent));
    long id =
        Db.insert(
            c,
            "INSERT INTO helpdesk.attachments (workspace_id, record_type, record_id, file_name, size_bytes,"
                + " content_type, sha256, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            w.id,
            recordType,
            recordId,
            fileName,
            (long) 1_024 + random.nextInt(5_000_000),
            Texts.contentType(fileName),
            sha256(content),
            agent.id());
    w.attachments.add(new Attachment(id, recordType, recordId, fileName));
    return true;
  }

  /**
   * Moves a file to the trash; the nightly purge (see {@link DirectSqlOperations}) removes it for
   * good.
   */
  boolean deleteAttachment(Connection c, Workspace w) throws SQLException {
    if (w.attachments.isEmpty()) {
      return false;
    }
    Attachment a = w.attachments.remove(random.nextInt(w.attachments.size()));
    TrailContext.emit(c, actors.member(w, agent(w)));
    Db.update(c, "UPDATE helpdesk.attachments SET deleted_at = now() WHERE id = ?", a.id());
    w.trashedAttachments.add(a);
    return true;
  }

  /** An admin removes spam: a soft delete that keeps the row. */
  boolean softDelete(Connection c, Workspace w) throws SQLException {
    int i = pickTicket(w, t -> true);
    if (i < 0) {
      return false;
    }
    Person admin = Texts.oneOf(random, w.usersWithRole("owner", "admin"));
    TrailContext.emit(c, actors.member(w, admin));
    Ticket t = w.tickets.remove(i);
    Db.update(
        c,
        "UPDATE helpdesk.tickets SET deleted_at = now(), updated_by = ?, updated_at = now() WHERE id = ?",
        admin.id(),
        t.id());
    w.deletedTickets.add(t);
    return true;
  }

  boolean restore(Connection c, Workspace w) throws SQLException {
    if (w.deletedTickets.isEmpty()) {
      return false;
    }
    Person admin = Texts.oneOf(random, w.usersWithRole("owner", "admin"));
    TrailContext.emit(c, actors.member(w, admin));
    Ticket t = w.deletedTickets.remove(random.nextInt(w.deletedTickets.size()));
    Db.update(
        c,
        "UPDATE helpdesk.tickets SET deleted_at = NULL, updated_by = ?, updated_at = now() WHERE id = ?",
        admin.id(),
        t.id());
    w.tickets.add(t);
    return true;
  }

  private void setStatus(Connection c, Workspace w, int i, String status, long agentId)
      throws SQLException {
    Ticket t = w.tickets.get(i);
    Db.update(
        c,
        "UPDATE helpdesk.tickets SET status = ?, updated_by = ?, updated_at = now() WHERE id = ?",
        status,
        agentId,
        t.id());
    w.tickets.set(i, t.withStatus(status));
  }

  private Person agent(Workspace w) {
    return Texts.oneOf(random, w.usersWithRole("agent"));
  }

  /** Index of a random ticket matching the filter, or -1; recent tickets are the busiest. */
  private int pickTicket(Workspace w, java.util.function.Predicate<Ticket> filter) {
    int n = w.tickets.size();
    int window = Math.min(n, 200);
    for (int attempt = 0; attempt < 8 && n > 0; attempt++) {
      int i = n - 1 - random.nextInt(window);
      if (filter.test(w.tickets.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private String otherThan(List<String> values, String current) {
    String next = Texts.oneOf(random, values);
    return next.equals(current) ? values.get((values.indexOf(next) + 1) % values.size()) : next;
  }

  private static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
