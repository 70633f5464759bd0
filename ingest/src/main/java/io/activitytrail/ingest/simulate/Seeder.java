package io.activitytrail.ingest.simulate;

import io.activitytrail.ingest.context.TrailContext;
import io.activitytrail.ingest.simulate.HelpdeskState.Person;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * First run only: the workspaces with their team, customers, settings, assets, and the team's first
 * notification settings and follows.
 */
final class Seeder {
  static final int AGENTS_PER_WORKSPACE = 6;

  /** An owner, an admin, the agents and one light agent. */
  static final int USERS_PER_WORKSPACE = AGENTS_PER_WORKSPACE + 3;

  static final int CUSTOMERS_PER_WORKSPACE = 15;
  static final int ASSETS_PER_WORKSPACE = 5;

  /** The owner follows the first assets (the servers they answer for). */
  static final int FOLLOWED_ASSETS = 2;

  static final List<String> SETTING_KEYS =
      List.of("business_hours", "auto_close_days", "csat_survey", "default_priority", "sla_policy");

  private static final List<String> PLANS = List.of("enterprise", "business", "team", "free");

  private final RandomGenerator random;
  private final Actors actors;
  private final Set<String> emails = new HashSet<>();

  Seeder(RandomGenerator random, Actors actors) {
    this.random = random;
    this.actors = actors;
  }

  /**
   * Seeds the workspaces that do not exist yet, one transaction each; returns the ids of all of
   * them.
   */
  List<String> ensureSeeded(Connection c, int workspaceCount) throws SQLException {
    List<String> ids = new ArrayList<>(Texts.WORKSPACE_IDS.subList(0, workspaceCount));
    for (int i = 0; i < ids.size(); i++) {
      if (!exists(c, ids.get(i))) {
        TrailContext.emit(c, actors.provisioning());
        seed(c, ids.get(i), PLANS.get(i % PLANS.size()));
        c.commit();
      }
    }
    return ids;
  }

  private static boolean exists(Connection c, String workspaceId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM helpdesk.workspaces WHERE id = ?")) {
      s.setString(1, workspaceId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  private void seed(Connection c, String id, String plan) throws SQLException {
    String name = Character.toUpperCase(id.charAt(0)) + id.substring(1) + " Support";
    Db.update(
        c,
        "INSERT INTO helpdesk.workspaces (id, name, plan, retention_days) VALUES (?, ?, ?, ?)",
        id,
        name,
        plan,
        retentionDays(plan));
    String domain = id + ".example.com";
    List<Person> team = new ArrayList<>();
    team.add(user(c, id, domain, "owner"));
    team.add(user(c, id, domain, "admin"));
    for (int i = 0; i < AGENTS_PER_WORKSPACE; i++) {
      team.add(user(c, id, domain, "agent"));
    }
    team.add(user(c, id, domain, "light_agent"));
    long owner = team.get(0).id();
    for (int i = 0; i < CUSTOMERS_PER_WORKSPACE; i++) {
      String customer = Texts.personName(random);
      String company = Texts.company(random);
      Db.update(
          c,
          "INSERT INTO helpdesk.customers (workspace_id, name, email, phone, company) VALUES (?, ?, ?, ?, ?)",
          id,
          customer,
          Texts.email(customer, company.toLowerCase().replaceAll("[^a-z]", "") + ".test"),
          Texts.phone(random),
          company);
    }
    for (String key : SETTING_KEYS) {
      Db.update(
          c,
          "INSERT INTO helpdesk.workspace_settings (workspace_id, key, value, updated_by)"
              + " VALUES (?, ?, ?::jsonb, ?)",
          id,
          key,
          Settings.initialValue(key),
          owner);
    }
    List<Long> assets = new ArrayList<>();
    for (int i = 1; i <= ASSETS_PER_WORKSPACE; i++) {
      assets.add(
          Db.insert(
              c,
              "INSERT INTO helpdesk.assets (workspace_id, name, asset_tag, purchase_cost, updated_by)"
                  + " VALUES (?, ?, ?, ?, ?)",
              id,
              Texts.assetName(random),
              assetTag(id, i),
              cost(random),
              owner));
    }
    // The notifier needs rows beside its defaults from the start; tickets are followed later, by
    // the workload (a new workspace has none yet).
    for (NotificationSettings.Row row : NotificationSettings.seeded(team)) {
      NotificationOperations.upsertPreference(c, id, row);
    }
    for (long asset : assets.subList(0, FOLLOWED_ASSETS)) {
      NotificationOperations.insertFollower(c, id, "asset", Long.toString(asset), owner);
    }
  }

  private Person user(Connection c, String workspaceId, String domain, String role)
      throws SQLException {
    String name = Texts.personName(random);
    String email = Texts.email(name, domain);
    for (int n = 2; !emails.add(email); n++) {
      email = Texts.email(name, domain).replace("@", n + "@");
    }
    long id =
        Db.insert(
            c,
            "INSERT INTO helpdesk.users (workspace_id, email, name, role, password_hash) VALUES (?, ?, ?, ?, ?)",
            workspaceId,
            email,
            name,
            role,
            Texts.passwordHash(random));
    return new Person(id, name, email, role);
  }

  static int retentionDays(String plan) {
    return switch (plan) {
      case "free" -> 30;
      case "team" -> 90;
      case "business" -> 365;
      case "enterprise" -> 2555;
      default -> throw new IllegalArgumentException("unknown plan " + plan);
    };
  }

  static String assetTag(String workspaceId, int number) {
    return workspaceId.toUpperCase().substring(0, 3) + "-" + String.format("%05d", number);
  }

  static BigDecimal cost(RandomGenerator random) {
    return BigDecimal.valueOf(19_900 + random.nextInt(250_000), 2);
  }
}
