package io.activitytrail.ingest.simulate;

import io.activitytrail.ingest.simulate.HelpdeskState.Workspace;
import java.sql.Connection;
import java.sql.SQLException;

/** Runs one operation as one transaction, committing it or rolling it back. */
final class Workload {
  private final TicketOperations tickets;
  private final DirectoryOperations directory;
  private final AuditOperations audit;
  private final DirectSqlOperations directSql;
  private final NotificationOperations notifications;

  Workload(
      TicketOperations tickets,
      DirectoryOperations directory,
      AuditOperations audit,
      DirectSqlOperations directSql,
      NotificationOperations notifications) {
    this.tickets = tickets;
    this.directory = directory;
    this.audit = audit;
    this.directSql = directSql;
    this.notifications = notifications;
  }

  /**
   * Performs {@code wanted}, or creates a ticket when the workspace has nothing for it to act on
   * yet (no ticket to reply to, no file to delete): a young helpdesk is mostly new tickets.
   *
   * @return the kind actually performed
   */
  OperationKind perform(Connection c, Workspace w, OperationKind wanted) throws SQLException {
    try {
      OperationKind done = attempt(c, w, wanted) ? wanted : createTicket(c, w);
      c.commit();
      return done;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw new SimulationException(
          "simulated operation "
              + wanted.wireName()
              + " in workspace "
              + w.id
              + " failed: "
              + e.getMessage(),
          e);
    }
  }

  private OperationKind createTicket(Connection c, Workspace w) throws SQLException {
    c.rollback();
    tickets.create(c, w);
    return OperationKind.TICKET_CREATED;
  }

  private boolean attempt(Connection c, Workspace w, OperationKind kind) throws SQLException {
    return switch (kind) {
      case TICKET_CREATED -> tickets.create(c, w);
      case AGENT_REPLIED -> tickets.agentReply(c, w);
      case CUSTOMER_REPLIED -> tickets.customerReply(c, w);
      case STATUS_CHANGED -> tickets.changeStatus(c, w);
      case TICKET_ASSIGNED -> tickets.assign(c, w);
      case RULE_ASSIGNED -> tickets.ruleAssign(c, w);
      case PRIORITY_CHANGED -> tickets.changePriority(c, w);
      case TICKET_FIELDS_UPDATED -> tickets.updateSeveralFields(c, w);
      case COMMENT_ADDED -> tickets.comment(c, w);
      case FILE_ATTACHED -> tickets.attachFile(c, w);
      case ATTACHMENT_DELETED -> tickets.deleteAttachment(c, w);
      case TICKET_DELETED -> tickets.softDelete(c, w);
      case TICKET_RESTORED -> tickets.restore(c, w);
      case CUSTOMER_CONTACT_CHANGED -> directory.changeCustomerContact(c, w);
      case CUSTOMER_CREATED -> directory.createCustomer(c, w);
      case ASSET_CREATED -> directory.createAsset(c, w);
      case ASSET_ASSIGNED -> directory.assignAsset(c, w);
      case ASSET_STATUS_CHANGED -> directory.changeAssetStatus(c, w);
      case USER_ROLE_CHANGED -> directory.changeUserRole(c, w);
      case SETTING_CHANGED -> directory.changeSetting(c, w);
      case LOGIN_SUCCEEDED -> audit.loginSucceeded(c, w);
      case LOGIN_FAILED -> audit.loginFailed(c, w);
      case BRUTE_FORCE -> audit.bruteForce(c, w);
      case DATA_EXPORTED -> audit.dataExported(c, w);
      case FILE_DOWNLOADED -> audit.fileDownloaded(c, w);
      case RECORD_FOLLOWED -> notifications.follow(c, w);
      case RECORD_UNFOLLOWED -> notifications.unfollow(c, w);
      case NOTIFICATION_SETTINGS_CHANGED -> notifications.changePreference(c, w);
      case DIRECT_SQL -> directSql.run(c, w);
    };
  }
}
