package io.activitytrail.ingest.simulate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What the simulator knows of the helpdesk: the ids it may act on. Loaded from the database in id
 * order (so that a run on the same database with the same seed repeats itself) and kept in step
 * with each committed operation.
 */
final class HelpdeskState {
  record Person(long id, String name, String email, String role) {}

  record Ticket(long id, long customerId, String status, String priority, Long assigneeId) {
    Ticket withStatus(String s) {
      return new Ticket(id, customerId, s, priority, assigneeId);
    }

    Ticket withPriority(String p) {
      return new Ticket(id, customerId, status, p, assigneeId);
    }

    Ticket withAssignee(Long a) {
      return new Ticket(id, customerId, status, priority, a);
    }
  }

  record Attachment(long id, String recordType, long recordId, String fileName) {}

  record Asset(long id, String status, Long assigneeId) {}

  /** A row of helpdesk.record_followers: the user follows the record. */
  record Follow(String recordType, String recordId, long userId) {}

  static final class Workspace {
    final String id;
    final List<Person> users = new ArrayList<>();
    final List<Person> customers = new ArrayList<>();
    final List<Ticket> tickets = new ArrayList<>();
    final List<Ticket> deletedTickets = new ArrayList<>();
    final List<Attachment> attachments = new ArrayList<>();
    final List<Attachment> trashedAttachments = new ArrayList<>();
    final List<Asset> assets = new ArrayList<>();
    final List<Follow> follows = new ArrayList<>();
    int lastTicketNumber;
    int lastAssetNumber;

    Workspace(String id) {
      this.id = id;
    }

    String domain() {
      return id + ".example.com";
    }

    List<Person> usersWithRole(String... roles) {
      List<String> wanted = List.of(roles);
      return users.stream().filter(u -> wanted.contains(u.role())).toList();
    }

    Person user(long id) {
      return users.stream().filter(u -> u.id() == id).findFirst().orElseThrow();
    }

    Person customer(long id) {
      return customers.stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }
  }

  private final Map<String, Workspace> workspaces = new LinkedHashMap<>();

  List<Workspace> workspaces() {
    return List.copyOf(workspaces.values());
  }

  /** Larger share of the traffic to the first workspaces, as in a real multi-tenant helpdesk. */
  Workspace pickWorkspace(RandomGenerator random) {
    List<Workspace> all = workspaces();
    int n = all.size();
    int ticket = random.nextInt(n * (n + 1) / 2);
    for (int i = 0; i < n; i++) {
      ticket -= n - i;
      if (ticket < 0) {
        return all.get(i);
      }
    }
    throw new AssertionError("unreachable");
  }

  static HelpdeskState load(Connection c, List<String> workspaceIds) throws SQLException {
    HelpdeskState state = new HelpdeskState();
    for (String id : workspaceIds) {
      state.workspaces.put(id, new Workspace(id));
    }
    query(
        c,
        "SELECT workspace_id, id, name, email, role FROM helpdesk.users ORDER BY id",
        state,
        (w, rs) ->
            w.users.add(
                new Person(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5))));
    query(
        c,
        "SELECT workspace_id, id, name, email FROM helpdesk.customers ORDER BY id",
        state,
        (w, rs) ->
            w.customers.add(
                new Person(rs.getLong(2), rs.getString(3), rs.getString(4), "customer")));
    query(
        c,
        "SELECT workspace_id, id, customer_id, status, priority, assignee_id, number, deleted_at IS NOT NULL"
            + " FROM helpdesk.tickets ORDER BY id",
        state,
        (w, rs) -> {
          Ticket t =
              new Ticket(
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getObject(6, Long.class));
          (rs.getBoolean(8) ? w.deletedTickets : w.tickets).add(t);
          w.lastTicketNumber = Math.max(w.lastTicketNumber, rs.getInt(7));
        });
    query(
        c,
        "SELECT workspace_id, id, record_type, record_id, file_name, deleted_at IS NOT NULL"
            + " FROM helpdesk.attachments ORDER BY id",
        state,
        (w, rs) -> {
          Attachment a =
              new Attachment(rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5));
          (rs.getBoolean(6) ? w.trashedAttachments : w.attachments).add(a);
        });
    query(
        c,
        "SELECT workspace_id, id, status, assignee_id FROM helpdesk.assets ORDER BY id",
        state,
        (w, rs) -> {
          w.assets.add(new Asset(rs.getLong(2), rs.getString(3), rs.getObject(4, Long.class)));
          w.lastAssetNumber++;
        });
    query(
        c,
        "SELECT workspace_id, record_type, record_id, user_id FROM helpdesk.record_followers"
            + " ORDER BY workspace_id, record_type, record_id, user_id",
        state,
        (w, rs) -> w.follows.add(new Follow(rs.getString(2), rs.getString(3), rs.getLong(4))));
    return state;
  }

  private interface RowReader {
    void read(Workspace w, ResultSet rs) throws SQLException;
  }

  private static void query(Connection c, String sql, HelpdeskState state, RowReader reader)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        Workspace w = state.workspaces.get(rs.getString(1));
        if (w != null) {
          reader.read(w, rs);
        }
      }
    }
  }
}
