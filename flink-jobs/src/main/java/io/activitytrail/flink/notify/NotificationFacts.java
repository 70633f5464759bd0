package io.activitytrail.flink.notify;

import io.activitytrail.flink.decode.ColumnValue;
import io.activitytrail.flink.decode.Op;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.mapping.Mapping;
import io.activitytrail.mapping.NotificationMapping;
import io.activitytrail.mapping.TableMapping;
import io.activitytrail.notifications.FactUpdate;
import io.activitytrail.notifications.Member;
import io.activitytrail.notifications.Preference;
import io.activitytrail.notifications.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one committed row teaches the notifier (pure): the mapping's notification section says which
 * tables hold the team, the settings and the followers; any table with an assignee column says who
 * each of its records is assigned to.
 */
public final class NotificationFacts {

  private NotificationFacts() {}

  public static List<FactUpdate> of(RowChange change, Mapping mapping) {
    Optional<TableMapping> mapped = mapping.table(change.schema(), change.table());
    Optional<NotificationMapping> section = mapping.notificationMapping();
    if (mapped.isEmpty() || section.isEmpty()) {
      return List.of();
    }
    String table = change.qualifiedTable();
    NotificationMapping n = section.get();
    List<FactUpdate> updates = new ArrayList<>();
    if (table.equals(n.users().table())) {
      members(change, n.users(), updates);
    } else if (table.equals(n.preferences().table())) {
      preferences(change, n.preferences(), updates);
    } else if (table.equals(n.followers().table())) {
      followers(change, n.followers(), updates);
    }
    assignee(change, mapped.get(), updates);
    return updates;
  }

  private static void members(
      RowChange change, NotificationMapping.Users users, List<FactUpdate> updates) {
    Map<String, ColumnValue> row = change.currentWithUnsentFromBefore();
    String id = ColumnValue.textIn(row, users.idColumn());
    if (id == null) {
      return;
    }
    if (change.op() == Op.DELETE) {
      updates.add(new FactUpdate.MemberGone(id));
      return;
    }
    updates.add(
        new FactUpdate.MemberSeen(
            new Member(
                id,
                ColumnValue.textIn(row, users.emailColumn()),
                users.nameColumn() == null ? null : ColumnValue.textIn(row, users.nameColumn()),
                ColumnValue.textIn(row, users.roleColumn()))));
  }

  private static void preferences(
      RowChange change, NotificationMapping.Preferences p, List<FactUpdate> updates) {
    // An update may move a row to another (type, scope): the old one is gone.
    if (change.op() == Op.DELETE || change.op() == Op.UPDATE) {
      clearPreference(change.before(), p, updates);
    }
    if (change.op() == Op.DELETE) {
      return;
    }
    Map<String, ColumnValue> row = change.currentWithUnsentFromBefore();
    String user = ColumnValue.textIn(row, p.userColumn());
    String type = ColumnValue.textIn(row, p.typeColumn());
    Optional<Scope> scope = Scope.fromWire(ColumnValue.textIn(row, p.scopeColumn()));
    if (user == null || type == null || scope.isEmpty()) {
      return;
    }
    updates.add(
        new FactUpdate.PreferenceSet(
            user,
            new Preference(
                type,
                scope.get(),
                isTrue(ColumnValue.textIn(row, p.inAppColumn())),
                isTrue(ColumnValue.textIn(row, p.emailColumn())))));
  }

  private static void clearPreference(
      Map<String, ColumnValue> before,
      NotificationMapping.Preferences p,
      List<FactUpdate> updates) {
    String user = ColumnValue.textIn(before, p.userColumn());
    String type = ColumnValue.textIn(before, p.typeColumn());
    Optional<Scope> scope = Scope.fromWire(ColumnValue.textIn(before, p.scopeColumn()));
    if (user != null && type != null && scope.isPresent()) {
      updates.add(new FactUpdate.PreferenceCleared(user, type, scope.get()));
    }
  }

  private static void followers(
      RowChange change, NotificationMapping.Followers f, List<FactUpdate> updates) {
    if (change.op() == Op.DELETE || change.op() == Op.UPDATE) {
      String[] old = follower(change.before(), f);
      if (old != null) {
        updates.add(new FactUpdate.Unfollowed(old[0], old[1], old[2]));
      }
    }
    if (change.op() != Op.DELETE) {
      String[] now = follower(change.currentWithUnsentFromBefore(), f);
      if (now != null) {
        updates.add(new FactUpdate.Followed(now[0], now[1], now[2]));
      }
    }
  }

  private static String[] follower(Map<String, ColumnValue> row, NotificationMapping.Followers f) {
    String type = ColumnValue.textIn(row, f.recordTypeColumn());
    String id = ColumnValue.textIn(row, f.recordIdColumn());
    String user = ColumnValue.textIn(row, f.userColumn());
    return type == null || id == null || user == null ? null : new String[] {type, id, user};
  }

  /** A record of a table with an assignee column: who it is assigned to now (null: nobody). */
  private static void assignee(RowChange change, TableMapping table, List<FactUpdate> updates) {
    if (table.assignee() == null || !table.rowsAreRecords()) {
      return;
    }
    Map<String, ColumnValue> row = change.currentWithUnsentFromBefore();
    String recordId = ColumnValue.textIn(row, table.recordIdColumn());
    if (recordId == null) {
      return;
    }
    String assignee =
        change.op() == Op.DELETE ? null : ColumnValue.textIn(row, table.assigneeColumn());
    updates.add(new FactUpdate.Assigned(table.recordType(), recordId, assignee));
  }

  private static boolean isTrue(String value) {
    return "true".equalsIgnoreCase(value) || "t".equalsIgnoreCase(value) || "1".equals(value);
  }
}
