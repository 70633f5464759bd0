package io.activitytrail.e2e;

import io.activitytrail.ingest.context.TrailContext;
import io.activitytrail.schemas.context.ActorContext;
import io.activitytrail.schemas.context.ActorType;
import io.activitytrail.schemas.context.AuditEvent;
import io.activitytrail.schemas.context.Channel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One scripted helpdesk story, each step its own transaction as the platform would commit it, with
 * the actor context the platform would emit (or none, for the direct SQL at the end).
 */
final class HelpdeskStory {
  final String ws;
  long admin;
  long agent;
  long agentTwo;
  long customer;
  long ticket;
  long attachment;

  private final Supplier<Connection> db;

  HelpdeskStory(String ws, Supplier<Connection> db) {
    this.ws = ws;
    this.db = db;
  }

  /** Workspace, team and customer: set-up, before the story proper. */
  void setUp() throws SQLException {
    try (Connection c = tx()) {
      TrailContext.emit(c, ActorContext.builder(ActorType.SYSTEM).channel(Channel.SYSTEM).build());
      exec(
          c,
          "insert into helpdesk.workspaces (id, name, plan, retention_days) values (?, ?, 'business', 365)",
          ws,
          "Story " + ws);
      admin =
          id(
              c,
              "insert into helpdesk.users (workspace_id, email, name, role, password_hash) values (?, 'ines@example.com', 'Ines Admin', 'admin', '$2b$12$abcdefghijklmnopqrstuv') returning id",
              ws);
      agent =
          id(
              c,
              "insert into helpdesk.users (workspace_id, email, name, role, password_hash) values (?, 'ada@example.com', 'Ada Agent', 'agent', '$2b$12$bcdefghijklmnopqrstuvw') returning id",
              ws);
      agentTwo =
          id(
              c,
              "insert into helpdesk.users (workspace_id, email, name, role, password_hash) values (?, 'bo@example.com', 'Bo Agent', 'agent', '$2b$12$cdefghijklmnopqrstuvwx') returning id",
              ws);
      customer =
          id(
              c,
              "insert into helpdesk.customers (workspace_id, name, email) values (?, 'Carla Customer', 'carla@example.com') returning id",
              ws);
      c.commit();
    }
  }

  void customerOpensTicket() throws SQLException {
    try (Connection c = tx()) {
      TrailContext.emit(
          c,
          ActorContext.builder(ActorType.CUSTOMER)
              .actorId(Long.toString(customer))
              .actorName("Carla Customer")
              .channel(Channel.EMAIL)
              .build());
      ticket =
          id(
              c,
              "insert into helpdesk.tickets (workspace_id, number, subject, status, priority, customer_id) values (?, 501, 'VPN drops every hour', 'new', 'normal', "
                  + customer
                  + ") returning id",
              ws);
      exec(
          c,
          "insert into helpdesk.ticket_messages (workspace_id, ticket_id, direction, author_id, body) values (?, "
              + ticket
              + ", 'inbound', "
              + customer
              + ", 'Since Monday my VPN disconnects every hour.')",
          ws);
      c.commit();
    }
  }

  void agentReplies() throws SQLException {
    try (Connection c = tx()) {
      TrailContext.emit(c, user(agent, "Ada Agent"));
      exec(
          c,
          "insert into helpdesk.ticket_messages (workspace_id, ticket_id, direction, author_id, body) values (?, "
              + ticket
              + ", 'outbound', "
              + agent
              + ", 'Thanks Carla, we are looking into it.')",
          ws);
      c.commit();
    }
  }

  void ruleAssigns() throws SQLException {
    try (Connection c = tx()) {
      TrailContext.emit(
          c,
          ActorContext.automation("rule-7", "Route VPN tickets to Network")
              .onBehalfOf(Long.toString(admin))
              .build());
      exec(
          c,
          "update helpdesk.tickets set assignee_id = "
              + agentTwo
              + " where id = ? and workspace_id = ?",
          ticket,
          ws);
      c.commit();
    }
  }

  /** Two updates: status and priority in the first, status again in the second. */
  void agentChangesStatusTwiceAndPriorityOnce() throws SQLException {
    try (Connection c = tx()) {
      TrailContext.emit(c, user(agentTwo, "Bo Agent"));
      exec(
          c,
          "update helpdesk.tickets set status = 'open', priority = 'high', updated_by = "
              + agentTwo
              + ", updated_at = now() where id = ?",
          ticket);
      c.commit();
    }
    try (Connection c = tx()) {
      TrailContext.emit(c, user(agentTwo, "Bo Agent"));
      exec(
          c,
          "update helpdesk.tickets set status = 'pending', updated_by = "
              + agentTwo
              + ", updated_at = now() where id = ?",
          ticket);
      c.commit();
    }
  }

  void agentAttachesFile() throws SQLException {
    try (Connection c = tx()) {
      TrailContext.emit(c, user(agentTwo, "Bo Agent"));
      attachment =
          id(
              c,
              "insert into helpdesk.attachments (workspace_id, record_type, record_id, file_name, size_bytes, content_type, uploaded_by) values (?, 'ticket', "
                  + ticket
                  + ", 'vpn-log.txt', 2048, 'text/plain', "
                  + agentTwo
                  + ") returning id",
              ws);
      c.commit();
    }
  }

  void agentAddsInternalNote() throws SQLException {
    try (Connection c = tx()) {
      TrailContext.emit(c, user(agentTwo, "Bo Agent"));
      exec(
          c,
          "insert into helpdesk.ticket_comments (workspace_id, ticket_id, author_id, body, internal) values (?, "
              + ticket
              + ", "
              + agentTwo
              + ", 'Looks like the DHCP lease; asking Network.', true)",
          ws);
      c.commit();
    }
  }

  void agentDeletesAttachment() throws SQLException {
    try (Connection c = tx()) {
      TrailContext.emit(c, user(agentTwo, "Bo Agent"));
      exec(c, "update helpdesk.attachments set deleted_at = now() where id = ?", attachment);
      c.commit();
    }
  }

  void adminChangesRoleAndSetting() throws SQLException {
    try (Connection c = tx()) {
      TrailContext.emit(
          c, userBuilder(admin, "Ines Admin").ip("203.0.113.9").userAgent("Firefox/133").build());
      exec(c, "update helpdesk.users set role = 'admin', updated_at = now() where id = ?", agent);
      c.commit();
    }
    try (Connection c = tx()) {
      TrailContext.emit(
          c, userBuilder(admin, "Ines Admin").ip("203.0.113.9").userAgent("Firefox/133").build());
      exec(
          c,
          "insert into helpdesk.workspace_settings (workspace_id, key, value, updated_by) values (?, 'sla.first_reply_hours', '4', "
              + admin
              + ")",
          ws);
      c.commit();
    }
  }

  void loginsAndExport() throws SQLException {
    try (Connection c = db.get()) {
      Instant now = Instant.now();
      TrailContext.emitEvent(
          c,
          AuditEvent.builder(AuditEvent.LOGIN_FAILED, ws, now)
              .actor(ActorType.USER, Long.toString(agent), "Ada Agent")
              .ip("198.51.100.7")
              .userAgent("Chrome/131")
              .reason("bad_password")
              .build());
      TrailContext.emitEvent(
          c,
          AuditEvent.builder(AuditEvent.LOGIN_SUCCEEDED, ws, now.plusMillis(5))
              .actor(ActorType.USER, Long.toString(agent), "Ada Agent")
              .ip("198.51.100.7")
              .userAgent("Chrome/131")
              .build());
      TrailContext.emitEvent(
          c,
          AuditEvent.builder(AuditEvent.DATA_EXPORTED, ws, now.plusMillis(10))
              .actor(ActorType.USER, Long.toString(admin), "Ines Admin")
              .ip("203.0.113.9")
              .detail("what", "tickets")
              .detail("rows", 1)
              .build());
    }
  }

  /** A script run by hand: no context message, no author column touched. */
  void directSqlWithoutContext() throws SQLException {
    try (Connection c = tx()) {
      exec(
          c,
          "update helpdesk.tickets set subject = 'VPN drops every hour (Cisco AnyConnect)' where id = ?",
          ticket);
      c.commit();
    }
  }

  void run() throws SQLException {
    customerOpensTicket();
    agentReplies();
    ruleAssigns();
    agentChangesStatusTwiceAndPriorityOnce();
    agentAttachesFile();
    agentAddsInternalNote();
    agentDeletesAttachment();
    adminChangesRoleAndSetting();
    loginsAndExport();
    directSqlWithoutContext();
  }

  private static ActorContext user(long id, String name) {
    return userBuilder(id, name).build();
  }

  private static ActorContext.Builder userBuilder(long id, String name) {
    return ActorContext.user(Long.toString(id), name);
  }

  private Connection tx() throws SQLException {
    Connection c = db.get();
    c.setAutoCommit(false);
    return c;
  }

  private static void exec(Connection c, String sql, Object parameter) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, parameter);
      ps.executeUpdate();
    }
  }

  private static void exec(Connection c, String sql, Object first, Object second)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, first);
      ps.setObject(2, second);
      ps.executeUpdate();
    }
  }

  private static long id(Connection c, String sql, String ws) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, ws);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
