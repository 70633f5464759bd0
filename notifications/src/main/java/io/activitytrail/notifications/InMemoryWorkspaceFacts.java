package io.activitytrail.notifications;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link WorkspaceFacts} in memory, changed by {@link FactUpdate}s: the model the job's keyed state
 * follows, and what tests and benchmarks use.
 */
public final class InMemoryWorkspaceFacts implements WorkspaceFacts, FactUpdate.Target {

  private final Set<String> adminRoles;
  private final Map<String, Member> members = new HashMap<>();
  private final Map<String, List<Preference>> preferences = new HashMap<>();
  private final Map<String, Set<String>> followers = new HashMap<>();
  private final Map<String, String> assignees = new HashMap<>();

  public InMemoryWorkspaceFacts(Set<String> adminRoles) {
    this.adminRoles = Set.copyOf(adminRoles);
  }

  public InMemoryWorkspaceFacts apply(List<FactUpdate> updates) {
    updates.forEach(update -> update.applyTo(this));
    return this;
  }

  @Override
  public Optional<Member> member(String userId) {
    return Optional.ofNullable(members.get(userId));
  }

  @Override
  public List<Preference> preferences(String userId) {
    return preferences.getOrDefault(userId, List.of());
  }

  @Override
  public Set<String> followers(String recordType, String recordId) {
    return followers.getOrDefault(FactUpdate.recordKey(recordType, recordId), Set.of());
  }

  @Override
  public String assignee(String recordType, String recordId) {
    return assignees.get(FactUpdate.recordKey(recordType, recordId));
  }

  @Override
  public Set<String> workspaceWatchers(String type) {
    Set<String> watchers = new TreeSet<>();
    preferences.forEach(
        (user, rows) -> {
          if (rows.stream().anyMatch(p -> p.scope() == Scope.WORKSPACE && p.covers(type))) {
            watchers.add(user);
          }
        });
    return watchers;
  }

  @Override
  public Set<String> admins() {
    Set<String> admins = new TreeSet<>();
    members.values().stream()
        .filter(m -> m.role() != null && adminRoles.contains(m.role()))
        .forEach(m -> admins.add(m.id()));
    return admins;
  }

  @Override
  public void putMember(Member member) {
    members.put(member.id(), member);
  }

  @Override
  public void removeMember(String userId) {
    members.remove(userId);
  }

  @Override
  public void putPreference(String userId, Preference preference) {
    List<Preference> rows = new ArrayList<>(preferences(userId));
    rows.removeIf(
        p -> p.activityType().equals(preference.activityType()) && p.scope() == preference.scope());
    rows.add(preference);
    preferences.put(userId, rows);
  }

  @Override
  public void removePreference(String userId, String activityType, Scope scope) {
    List<Preference> rows = new ArrayList<>(preferences(userId));
    rows.removeIf(p -> p.activityType().equals(activityType) && p.scope() == scope);
    preferences.put(userId, rows);
  }

  @Override
  public void follow(String recordType, String recordId, String userId) {
    followers
        .computeIfAbsent(FactUpdate.recordKey(recordType, recordId), k -> new LinkedHashSet<>())
        .add(userId);
  }

  @Override
  public void unfollow(String recordType, String recordId, String userId) {
    Set<String> users = followers.get(FactUpdate.recordKey(recordType, recordId));
    if (users != null) {
      users.remove(userId);
    }
  }

  @Override
  public void assign(String recordType, String recordId, String userId) {
    String key = FactUpdate.recordKey(recordType, recordId);
    if (userId == null) {
      assignees.remove(key);
    } else {
      assignees.put(key, userId);
    }
  }
}
