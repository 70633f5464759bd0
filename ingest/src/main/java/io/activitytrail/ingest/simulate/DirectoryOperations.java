package io.activitytrail.ingest.simulate;

import io.activitytrail.ingest.context.TrailContext;
import io.activitytrail.ingest.simulate.HelpdeskState.Asset;
import io.activitytrail.ingest.simulate.HelpdeskState.Person;
import io.activitytrail.ingest.simulate.HelpdeskState.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.random.RandomGenerator;

/** Customers, assets, team roles and workspace settings: the records around the tickets. */
final class DirectoryOperations {
  private static final List<String> ASSET_STATUSES = List.of("in_stock", "in_repair", "retired");

  private final RandomGenerator random;
  private final Actors actors;

  DirectoryOperations(RandomGenerator random, Actors actors) {
    this.random = random;
    this.actors = actors;
  }

  boolean changeCustomerContact(Connection c, Workspace w) throws SQLException {
    Person customer = Texts.oneOf(random, w.customers);
    Person agent = Texts.oneOf(random, w.usersWithRole("agent"));
    TrailContext.emit(c, actors.member(w, agent));
    if (random.nextBoolean()) {
      Db.update(
          c,
          "UPDATE helpdesk.customers SET phone = ?, updated_by = ?, updated_at = now() WHERE id = ?",
          Texts.phone(random),
          agent.id(),
          customer.id());
    } else {
      String company = Texts.company(random);
      Db.update(
          c,
          "UPDATE helpdesk.customers SET company = ?, email = ?, updated_by = ?, updated_at = now() WHERE id = ?",
          company,
          Texts.email(customer.name(), company.toLowerCase().replaceAll("[^a-z]", "") + ".test"),
          agent.id(),
          customer.id());
    }
    return true;
  }

  boolean createCustomer(Connection c, Workspace w) throws SQLException {
    Person agent = Texts.oneOf(random, w.usersWithRole("agent"));
    String name = Texts.personName(random);
    String company = Texts.company(random);
    String email = Texts.email(name, company.toLowerCase().replaceAll("[^a-z]", "") + ".test");
    TrailContext.emit(c, actors.member(w, agent));
    long id =
        Db.insert(
            c,
            "INSERT INTO helpdesk.customers (workspace_id, name, email, phone, company, updated_by)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
            w.id,
            name,
            email,
            Texts.phone(random),
            company,
            agent.id());
    w.customers.add(new Person(id, name, email, "customer"));
    return true;
  }

  /** New hardware arrives, registered by an admin or by the inventory sync acting for one. */
  boolean createAsset(Connection c, Workspace w) throws SQLException {
    Person admin = Texts.oneOf(random, w.usersWithRole("owner", "admin"));
    TrailContext.emit(
        c, random.nextBoolean() ? actors.member(w, admin) : actors.integration(admin));
    long id =
        Db.insert(
            c,
            "INSERT INTO helpdesk.assets (workspace_id, name, asset_tag, purchase_cost, updated_by)"
                + " VALUES (?, ?, ?, ?, ?)",
            w.id,
            Texts.assetName(random),
            Seeder.assetTag(w.id, ++w.lastAssetNumber),
            Seeder.cost(random),
            admin.id());
    w.assets.add(new Asset(id, "in_stock", null));
    return true;
  }

  boolean assignAsset(Connection c, Workspace w) throws SQLException {
    List<Asset> free = w.assets.stream().filter(a -> !a.status().equals("retired")).toList();
    if (free.isEmpty()) {
      return false;
    }
    Asset asset = Texts.oneOf(random, free);
    Person admin = Texts.oneOf(random, w.usersWithRole("owner", "admin"));
    Person holder = Texts.oneOf(random, w.users);
    TrailContext.emit(c, actors.member(w, admin));
    Db.update(
        c,
        "UPDATE helpdesk.assets SET assignee_id = ?, status = 'in_use', updated_by = ?, updated_at = now()"
            + " WHERE id = ?",
        holder.id(),
        admin.id(),
        asset.id());
    w.assets.set(w.assets.indexOf(asset), new Asset(asset.id(), "in_use", holder.id()));
    return true;
  }

  boolean changeAssetStatus(Connection c, Workspace w) throws SQLException {
    List<Asset> active = w.assets.stream().filter(a -> !a.status().equals("retired")).toList();
    if (active.isEmpty()) {
      return false;
    }
    Asset asset = Texts.oneOf(random, active);
    String status = Texts.oneOf(random, ASSET_STATUSES);
    Long holder = status.equals("in_repair") ? asset.assigneeId() : null;
    Person admin = Texts.oneOf(random, w.usersWithRole("owner", "admin"));
    TrailContext.emit(c, actors.member(w, admin));
    Db.update(
        c,
        "UPDATE helpdesk.assets SET status = ?, assignee_id = ?, updated_by = ?, updated_at = now() WHERE id = ?",
        status,
        holder,
        admin.id(),
        asset.id());
    w.assets.set(w.assets.indexOf(asset), new Asset(asset.id(), status, holder));
    return true;
  }

  /** The owner promotes or demotes a team member: a permission change for the audit log. */
  boolean changeUserRole(Connection c, Workspace w) throws SQLException {
    List<Person> members = w.usersWithRole("admin", "agent", "light_agent");
    Person member = Texts.oneOf(random, members);
    String role =
        switch (member.role()) {
          case "agent" -> random.nextBoolean() ? "light_agent" : "admin";
          default -> "agent";
        };
    // Keep at least one admin and enough agents for the rest of the workload.
    if ((member.role().equals("admin") && w.usersWithRole("admin").size() == 1)
        || (member.role().equals("agent") && w.usersWithRole("agent").size() <= 3)) {
      return false;
    }
    Person owner = w.usersWithRole("owner").get(0);
    TrailContext.emit(c, actors.member(w, owner));
    Db.update(
        c,
        "UPDATE helpdesk.users SET role = ?, updated_at = now() WHERE id = ?",
        role,
        member.id());
    w.users.set(
        w.users.indexOf(member), new Person(member.id(), member.name(), member.email(), role));
    return true;
  }

  boolean changeSetting(Connection c, Workspace w) throws SQLException {
    Person admin = Texts.oneOf(random, w.usersWithRole("owner", "admin"));
    String key = Texts.oneOf(random, Seeder.SETTING_KEYS);
    TrailContext.emit(c, actors.member(w, admin));
    Db.update(
        c,
        "INSERT INTO helpdesk.workspace_settings (workspace_id, key, value, updated_by) VALUES (?, ?, ?::jsonb, ?)"
            + " ON CONFLICT (workspace_id, key) DO UPDATE"
            + " SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()",
        w.id,
        key,
        Settings.changedValue(key, random),
        admin.id());
    return true;
  }
}
