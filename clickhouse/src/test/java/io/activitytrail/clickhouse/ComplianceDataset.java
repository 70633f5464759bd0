package io.activitytrail.clickhouse;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.SourcePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A small helpdesk month (March 2025) that every SQL question of docs/compliance-sql.md and every
 * dashboard panel has an answer in: two workspaces (acme, and globex to prove isolation), four team
 * members with their roles, logins that fail and then succeed from a new address, exports, role and
 * setting changes (some at night), record views, two tickets from creation to solved, changes by an
 * automation rule and by direct SQL, deletions, and one event written twice. Fixed dates with a
 * ten-year retention: the TTL (which runs on the real clock) keeps them until 2035, and the golden
 * results never move.
 */
public final class ComplianceDataset {

  /** The dataset's month, for Grafana's time range. */
  public static final Instant FROM = Instant.parse("2025-03-01T00:00:00Z");

  public static final Instant TO = Instant.parse("2025-04-01T00:00:00Z");

  private static final int RETENTION_DAYS = 3650;

  private final List<ActivityEvent> events = new ArrayList<>();
  private long lsn = 1_000;

  private ComplianceDataset() {}

  /** The events, in commit order, one of them twice (a replay after a restart). */
  public static List<ActivityEvent> events() {
    ComplianceDataset d = new ComplianceDataset();
    d.build();
    return d.events;
  }

  /** Creates the schema in {@code database} and writes the dataset, its notifications too. */
  public static void load(ClickHouse ch, String database) {
    ClickHouseMigrations.apply(ch, database);
    List<ActivityEvent> events = events();
    ch.insert(database + ".activity", ActivityRows.COLUMNS, ActivityRows.toJsonEachRow(events));
    ComplianceNotifications.load(ch, database, events);
  }

  private void build() {
    Actor olivia = user("u1", "Olivia Owner", "203.0.113.1");
    Actor adam = user("u2", "Adam Admin", "203.0.113.20");
    Actor ada = user("u3", "Ada Agent", "203.0.113.10");
    Actor ben = user("u4", "Ben Agent", "203.0.113.40");

    // The team, each member created with a role.
    member("acme", "2025-03-01T09:00:00Z", olivia, "u1", "Olivia Owner", "owner");
    member("acme", "2025-03-01T09:01:00Z", olivia, "u2", "Adam Admin", "admin");
    member("acme", "2025-03-01T09:02:00Z", adam, "u3", "Ada Agent", "agent");
    member("acme", "2025-03-01T09:03:00Z", adam, "u4", "Ben Agent", "agent");

    // Settings: one in office hours, one on a Saturday night.
    setting("2025-03-02T11:00:00Z", olivia, "sso_required", "false", "true");
    setting("2025-03-22T02:15:00Z", adam, "session_timeout_minutes", "30", "60");

    // Logins: a normal day, failures then a success from a new address, an account guesser.
    login("2025-03-03T08:55:00Z", ada, "203.0.113.10", null);
    login("2025-03-05T10:00:00Z", ada, "203.0.113.10", "bad_password");
    login("2025-03-05T10:01:00Z", ada, "203.0.113.10", "bad_password");
    login("2025-03-05T10:03:00Z", ada, "198.51.100.7", null);
    Actor guesser = Actor.newBuilder(user(null, "admin7@acme.test", "192.0.2.50")).build();
    login("2025-03-06T03:00:00Z", guesser, "192.0.2.50", "unknown_user");
    login("2025-03-06T03:01:00Z", guesser, "192.0.2.50", "unknown_user");
    login("2025-03-06T03:02:00Z", guesser, "192.0.2.50", "unknown_user");
    login("2025-03-08T07:00:00Z", adam, "203.0.113.20", null);

    // Ticket 18: from a customer's email to solved, with an automation and a direct SQL change.
    Actor customer9 = actor("customer", "c-9", "Cora Customer", "email");
    Actor rule = actor("automation", null, "Escalate urgent tickets", "rule");
    rule.setRuleId("r-12");
    ticket("2025-03-04T09:00:00Z", "created", "18", customer9, change("status", null, "new"));
    ticket(
        "2025-03-04T09:00:05Z",
        "assigned",
        "18",
        rule,
        change("assignee_id", null, "u3", null, "Ada Agent"));
    view("2025-03-04T09:30:00Z", ada, "customer", "c-9", "Cora Customer");
    reply("2025-03-04T09:40:00Z", "18", ada, "m-1");
    ticket("2025-03-04T09:41:00Z", "status_changed", "18", ada, change("status", "new", "open"));
    view("2025-03-04T09:42:00Z", ada, "ticket", "18", "#18 Printer on fire");
    ticket("2025-03-05T15:00:00Z", "status_changed", "18", ada, change("status", "open", "solved"));
    Actor direct = unattributed("postgres");
    ticket("2025-03-11T03:00:00Z", "updated", "18", direct, change("priority", "normal", "low"));
    ActivityEvent comment =
        ticket("2025-03-11T10:00:00Z", "comment_added", "18", ben, new FieldChange[0]);
    comment.getDetails().put("internal", "true");
    events.add(comment); // the same event again: a replay after a restart

    // Ticket 19: assigned by the same rule, answered by Ben, solved the next day.
    Actor customer10 = actor("customer", "c-10", "Carl Customer", "email");
    ticket("2025-03-06T11:00:00Z", "created", "19", customer10, change("status", null, "new"));
    ticket(
        "2025-03-06T11:00:03Z",
        "assigned",
        "19",
        rule,
        change("assignee_id", null, "u4", null, "Ben Agent"));
    reply("2025-03-06T13:00:00Z", "19", ben, "m-2");
    ticket("2025-03-07T09:00:00Z", "status_changed", "19", ben, change("status", "new", "solved"));
    view("2025-03-09T16:00:00Z", ben, "customer", "c-9", "Cora Customer");

    // Exports and a download; one export late at night.
    export("2025-03-08T07:10:00Z", adam, "tickets", "csv", 1200);
    download("2025-03-12T14:00:00Z", ada, "f-501", "invoice-march.pdf");
    export("2025-03-15T23:30:00Z", olivia, "customers", "jsonl", 300);

    // Role changes: a promotion approved by another admin, a demotion at night.
    ActivityEvent promotion =
        roleChange("2025-03-10T14:00:00Z", olivia, "u4", "Ben Agent", "agent", "admin");
    promotion.getActor().getExtra().put("approved_by", "u2");
    roleChange("2025-03-20T22:30:00Z", adam, "u3", "Ada Agent", "agent", "light_agent");

    // Deletions: a ticket by an admin, a file by an agent, a customer by direct SQL.
    ticket("2025-03-18T10:00:00Z", "created", "20", adam, change("status", null, "new"));
    ticket("2025-03-18T10:05:00Z", "deleted", "20", adam, new FieldChange[0]);
    ActivityEvent fileDeleted =
        event(
            "acme",
            "2025-03-19T09:00:00Z",
            Category.activity,
            "file_deleted",
            "file",
            "f-502",
            "screenshot.png",
            ada);
    fileDeleted.setParentRecordType("ticket");
    fileDeleted.setParentRecordId("19");
    event(
        "acme",
        "2025-03-16T01:00:00Z",
        Category.activity,
        "deleted",
        "customer",
        "c-10",
        "Carl Customer",
        unattributed("postgres"));

    // Globex: another tenant, never in acme's answers.
    member("globex", "2025-03-02T08:00:00Z", olivia, "g1", "Gina Globex", "owner");
    ActivityEvent globexFailure =
        event(
            "globex",
            "2025-03-05T10:00:00Z",
            Category.audit,
            "login_failed",
            "team_member",
            "g1",
            null,
            user("g1", "Gina Globex", "203.0.113.10"));
    globexFailure.getDetails().put("reason", "bad_password");
    event(
        "globex",
        "2025-03-07T12:00:00Z",
        Category.activity,
        "created",
        "ticket",
        "1",
        "#1 Hello",
        actor("customer", "gc-1", "Gus", "email"));

    // Last, so that the ids above stay: the alert the promotion fired (docs/alerts.md).
    ActivityEvent alert =
        event(
            "acme",
            "2025-03-10T14:00:00Z",
            Category.audit,
            "alert_fired",
            "alert_rule",
            "builtin:privilege_escalation",
            "privilege_escalation",
            actor("system", null, "Activity Trail alert rules", null));
    alert.getDetails().put("rule_id", "builtin:privilege_escalation");
    alert.getDetails().put("rule_name", "privilege_escalation");
    alert.getDetails().put("severity", "critical");
    alert.getDetails().put("group_by", "record");
    alert.getDetails().put("group_key", "team_member:u4");
    alert.getDetails().put("count", "1");
    alert.getDetails().put("threshold", "1");
    alert.getDetails().put("window_seconds", "60");
    alert.getDetails().put("window_start", "2025-03-10T14:00:00Z");
    alert.getDetails().put("quiet_until", "2025-03-10T14:00:00Z");
    alert.getDetails().put("event_ids", promotion.getEventId());
    alert.getDetails().put("recipients", "admin,owner");
  }

  private void member(String workspace, String at, Actor by, String id, String name, String role) {
    event(
        workspace,
        at,
        Category.activity,
        "created",
        "team_member",
        id,
        name,
        by,
        change("role", null, role));
  }

  private void setting(String at, Actor by, String key, String oldValue, String newValue) {
    ActivityEvent e =
        event(
            "acme",
            at,
            Category.audit,
            "setting_changed",
            "workspace",
            "acme",
            "Acme Support",
            by,
            change("value", oldValue, newValue));
    e.getDetails().put("setting", key);
  }

  private void login(String at, Actor who, String ip, String failureReason) {
    Actor a = Actor.newBuilder(who).setIp(ip).setExtra(new HashMap<>()).build();
    ActivityEvent e =
        event(
            "acme",
            at,
            Category.audit,
            failureReason == null ? "login_succeeded" : "login_failed",
            who.getId() == null ? "workspace" : "team_member",
            who.getId() == null ? "acme" : who.getId(),
            null,
            a);
    if (failureReason != null) {
      e.getDetails().put("reason", failureReason);
    }
  }

  private ActivityEvent ticket(
      String at, String type, String id, Actor by, FieldChange... changes) {
    return event(
        "acme",
        at,
        Category.activity,
        type,
        "ticket",
        id,
        "#" + id + (id.equals("18") ? " Printer on fire" : " Cannot log in"),
        by,
        changes);
  }

  private void reply(String at, String ticket, Actor by, String messageId) {
    ActivityEvent e = ticket(at, "message_sent", ticket, by);
    e.getDetails().put("message_id", messageId);
    e.getDetails().put("direction", "outbound");
  }

  private void view(String at, Actor by, String recordType, String id, String display) {
    event("acme", at, Category.audit, "record_viewed", recordType, id, display, by);
  }

  private void export(String at, Actor by, String what, String format, int rows) {
    ActivityEvent e =
        event("acme", at, Category.audit, "data_exported", "workspace", "acme", null, by);
    e.getDetails().put("export", what);
    e.getDetails().put("format", format);
    e.getDetails().put("rows", Integer.toString(rows));
  }

  private void download(String at, Actor by, String fileId, String fileName) {
    ActivityEvent e =
        event("acme", at, Category.audit, "file_downloaded", "file", fileId, fileName, by);
    e.getDetails().put("file_name", fileName);
  }

  private ActivityEvent roleChange(
      String at, Actor by, String memberId, String name, String oldRole, String newRole) {
    return event(
        "acme",
        at,
        Category.audit,
        "role_changed",
        "team_member",
        memberId,
        name,
        Actor.newBuilder(by).setExtra(new HashMap<>()).build(),
        change("role", oldRole, newRole));
  }

  private ActivityEvent event(
      String workspace,
      String at,
      Category category,
      String type,
      String recordType,
      String recordId,
      String display,
      Actor actor,
      FieldChange... changes) {
    long position = lsn++;
    Instant time = Instant.parse(at);
    String id = String.format("ev-%04d", position - 999);
    ActivityEvent e =
        ActivityEvent.newBuilder()
            .setEventId(id)
            .setChangeId("chg-" + id)
            .setWorkspaceId(workspace)
            .setOccurredAt(time)
            .setProcessedAt(time.plusMillis(300))
            .setCategory(category)
            .setType(type)
            .setRecordType(recordType)
            .setRecordId(recordId)
            .setRecordDisplay(display)
            .setActor(Actor.newBuilder(actor).setExtra(new HashMap<>(actor.getExtra())).build())
            .setChanges(new ArrayList<>(List.of(changes)))
            .setDetails(new LinkedHashMap<>())
            .setTransactionId("tx-" + position)
            .setSource(
                SourcePosition.newBuilder()
                    .setConnector("helpdesk")
                    .setSchema$("helpdesk")
                    .setTable(recordType + "s")
                    .setLsn(position)
                    .setTxOrder(1L)
                    .setTopic("helpdesk.helpdesk." + recordType + "s")
                    .setPartition(0)
                    .setOffset(position)
                    .build())
            .setRetentionDays(RETENTION_DAYS)
            .build();
    events.add(e);
    return e;
  }

  private static Actor user(String id, String name, String ip) {
    return Actor.newBuilder()
        .setType("user")
        .setId(id)
        .setName(name)
        .setIp(ip)
        .setUserAgent("Mozilla/5.0")
        .setChannel("web")
        .setSource("context")
        .setExtra(new HashMap<>())
        .build();
  }

  private static Actor actor(String type, String id, String name, String channel) {
    return Actor.newBuilder()
        .setType(type)
        .setId(id)
        .setName(name)
        .setChannel(channel)
        .setSource("context")
        .setExtra(new HashMap<>())
        .build();
  }

  private static Actor unattributed(String dbUser) {
    return Actor.newBuilder()
        .setType("unattributed")
        .setSource("none")
        .setDbUser(dbUser)
        .setExtra(new HashMap<>())
        .build();
  }

  private static FieldChange change(String field, String oldValue, String newValue) {
    return change(field, oldValue, newValue, null, null);
  }

  private static FieldChange change(
      String field, String oldValue, String newValue, String oldDisplay, String newDisplay) {
    return FieldChange.newBuilder()
        .setField(field)
        .setOld(oldValue)
        .setNew$(newValue)
        .setOldDisplay(oldDisplay)
        .setNewDisplay(newDisplay)
        .build();
  }
}
