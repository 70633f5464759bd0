package io.activitytrail.clickhouse.access;

import io.activitytrail.clickhouse.SqlIdentifiers;
import io.activitytrail.clickhouse.http.ReadOnlyLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Who may do what on a ClickHouse server, as statements {@code trail migrate} runs (or prints)
 * after the migrations: a writer role that may only INSERT into the tables the job writes, and a
 * reader role that may only SELECT the views and page tables, under a settings profile with {@code
 * readonly = 1} and the embedded SQL interface's limits ({@link ReadOnlyLimits#DEFAULTS}). Every
 * statement is idempotent: {@code IF NOT EXISTS}, grants that add nothing the second time, a
 * profile replaced with the same settings.
 *
 * <p>Nothing here can modify or delete an event: the writer has no ALTER, DELETE, TRUNCATE or DROP,
 * and the reader is read-only by ClickHouse's {@code readonly} setting, which it cannot change.
 *
 * @param database the database the migrations created
 * @param writerRole the role of the job's sink
 * @param readerRole the role of people, tools and the API's reads
 * @param limits the reader's limits per statement
 * @param users users to create (or update), each with one of the two roles
 */
public record ServerAccess(
    String database,
    String writerRole,
    String readerRole,
    ReadOnlyLimits limits,
    List<User> users) {

  public static final String WRITER_ROLE = "trail_writer";
  public static final String READER_ROLE = "trail_reader";

  /**
   * The table the job's sink inserts into, then the page tables its materialized views fill on the
   * same insert: a view runs with the inserting user's rights unless it was created {@code SQL
   * SECURITY DEFINER}, so the writer needs INSERT on their targets too. Then the in-app
   * notifications and the email sent log (the job), and the read markers: the API's one write
   * besides the audit events of its exports, made with the writer's role.
   */
  public static final List<String> WRITTEN_TABLES =
      List.of(
          "activity",
          "activity_by_workspace",
          "activity_by_actor",
          "activity_by_record",
          "notification",
          "email_sent",
          "notification_read",
          "integrity_checkpoints");

  /** What `trail verify` and auditors read besides the views: the signed checkpoints (V012). */
  public static final List<String> EVIDENCE_TABLES = List.of("integrity_checkpoints");

  /** The tables under the views of V008 and V010: a plain view runs with its reader's rights. */
  public static final List<String> VIEWED_TABLES =
      List.of("activity", "notification", "notification_read");

  /** The page tables the API reads (feed, audit log, timelines, exports). */
  public static final List<String> PAGE_TABLES =
      List.of("activity_by_workspace", "activity_by_actor", "activity_by_record");

  /** The SQL contract of V008, V010 and V011 (docs/sql.md). */
  public static final List<String> VIEWS =
      List.of(
          "events",
          "activities",
          "audit_events",
          "field_changes",
          "logins",
          "permission_changes",
          "member_roles",
          "settings_changes",
          "exports_and_downloads",
          "record_views",
          "notifications",
          "alerts");

  /**
   * A user to create with one role as its default. Only the password's SHA-256 is kept and sent
   * ({@code IDENTIFIED WITH sha256_hash}), so printed statements do not show it.
   */
  public record User(String name, String role, String passwordSha256) {
    public User {
      SqlIdentifiers.require(name, "user name");
      SqlIdentifiers.require(role, "role");
      if (!passwordSha256.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("passwordSha256 must be 64 hex digits");
      }
    }

    public static User withPassword(String name, String role, String password) {
      if (password.isEmpty()) {
        throw new IllegalArgumentException("user " + name + " needs a password");
      }
      try {
        byte[] hash =
            MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        return new User(name, role, HexFormat.of().formatHex(hash));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JVM lacks SHA-256", e);
      }
    }
  }

  public ServerAccess {
    SqlIdentifiers.require(database, "database");
    SqlIdentifiers.require(writerRole, "writer role");
    SqlIdentifiers.require(readerRole, "reader role");
    if (writerRole.equals(readerRole)) {
      throw new IllegalArgumentException("the writer and reader roles must differ");
    }
    for (User user : users) {
      if (!user.role().equals(writerRole) && !user.role().equals(readerRole)) {
        throw new IllegalArgumentException(
            "user " + user.name() + " has role " + user.role() + ", neither writer nor reader");
      }
    }
    users = List.copyOf(users);
  }

  /** The default roles and limits, no users. */
  public static ServerAccess of(String database) {
    return new ServerAccess(database, WRITER_ROLE, READER_ROLE, ReadOnlyLimits.DEFAULTS, List.of());
  }

  public ServerAccess withUser(User user) {
    List<User> more = new ArrayList<>(users);
    more.add(user);
    return new ServerAccess(database, writerRole, readerRole, limits, more);
  }

  /** The name of the reader's settings profile. */
  public String readerProfile() {
    return readerRole + "_limits";
  }

  /** Every statement, in the order they must run, without a trailing semicolon. */
  public List<String> statements() {
    List<String> out = new ArrayList<>();
    out.add("CREATE ROLE IF NOT EXISTS " + quote(writerRole));
    for (String table : WRITTEN_TABLES) {
      out.add("GRANT INSERT ON " + table(table) + " TO " + quote(writerRole));
    }
    out.add("CREATE ROLE IF NOT EXISTS " + quote(readerRole));
    for (String view : VIEWS) {
      out.add("GRANT SELECT ON " + table(view) + " TO " + quote(readerRole));
    }
    for (String table : PAGE_TABLES) {
      out.add("GRANT SELECT ON " + table(table) + " TO " + quote(readerRole));
    }
    // A plain view runs with its reader's rights (SQL SECURITY INVOKER, ClickHouse's default), so
    // reading the views needs SELECT on the tables under them; the API's counts read them too.
    for (String table : VIEWED_TABLES) {
      out.add("GRANT SELECT ON " + table(table) + " TO " + quote(readerRole));
    }
    for (String table : EVIDENCE_TABLES) {
      out.add("GRANT SELECT ON " + table(table) + " TO " + quote(readerRole));
    }
    out.add(
        "CREATE SETTINGS PROFILE OR REPLACE "
            + quote(readerProfile())
            + " SETTINGS "
            + profileSettings()
            + " TO "
            + quote(readerRole));
    for (User user : users) {
      out.add(
          "CREATE USER IF NOT EXISTS "
              + quote(user.name())
              + " IDENTIFIED WITH sha256_hash BY '"
              + user.passwordSha256()
              + "'");
      // An existing user keeps its other settings, but takes this password and role.
      out.add(
          "ALTER USER "
              + quote(user.name())
              + " IDENTIFIED WITH sha256_hash BY '"
              + user.passwordSha256()
              + "'");
      out.add("GRANT " + quote(user.role()) + " TO " + quote(user.name()));
      out.add("ALTER USER " + quote(user.name()) + " DEFAULT ROLE " + quote(user.role()));
    }
    return out;
  }

  /**
   * The SQL interface's session settings, {@code readonly = 1} last: the same limits, and the JSON
   * the project's adapters read (a readonly user may send a setting only at the value it has).
   */
  private String profileSettings() {
    List<String> settings = new ArrayList<>();
    for (Map.Entry<String, String> s : limits.sessionSettings().entrySet()) {
      String value = s.getValue();
      settings.add(s.getKey() + " = " + (value.matches("\\d+") ? value : "'" + value + "'"));
    }
    return String.join(", ", settings);
  }

  private String table(String name) {
    return quote(database) + "." + quote(name);
  }

  private static String quote(String identifier) {
    return "`" + SqlIdentifiers.require(identifier, "identifier") + "`";
  }
}
