package io.activitytrail.flink.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.flink.reference.StateAccessException;
import io.activitytrail.notifications.FactUpdate;
import io.activitytrail.notifications.Member;
import io.activitytrail.notifications.Preference;
import io.activitytrail.notifications.Scope;
import io.activitytrail.notifications.WorkspaceFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The notifier's facts as keyed state of the current workspace (the normalize operator's key):
 * members, settings, followers, assignees, and two indexes so an activity never scans the whole
 * team (who watches a type workspace-wide, who is an administrator).
 *
 * <p>Values are JSON text in string-typed state: no Kryo, readable by any later version, and a
 * field added to {@link Member} or {@link Preference} reads as null from older state.
 */
public final class NotificationState implements WorkspaceFacts, FactUpdate.Target {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Preference>> PREFERENCES = new TypeReference<>() {};
  private static final TypeReference<Set<String>> USERS = new TypeReference<>() {};
  private static final String ADMINS = "admins";

  private final Set<String> adminRoles;
  private final MapState<String, String> members;
  private final MapState<String, String> preferences;
  private final MapState<String, String> followers;
  private final MapState<String, String> assignees;
  private final MapState<String, String> indexes;

  public NotificationState(RuntimeContext context, Set<String> adminRoles) {
    this.adminRoles = Set.copyOf(adminRoles);
    this.members = map(context, "notify-members");
    this.preferences = map(context, "notify-preferences");
    this.followers = map(context, "notify-followers");
    this.assignees = map(context, "notify-assignees");
    // "admins", and "watch|<type or *>": users with a workspace-scope setting for it
    this.indexes = map(context, "notify-indexes");
  }

  private static MapState<String, String> map(RuntimeContext context, String name) {
    return context.getMapState(new MapStateDescriptor<>(name, Types.STRING, Types.STRING));
  }

  public void apply(List<FactUpdate> updates) {
    updates.forEach(update -> update.applyTo(this));
  }

  @Override
  public Optional<Member> member(String userId) {
    String json = get(members, userId);
    return json == null ? Optional.empty() : Optional.of(read(json, Member.class));
  }

  @Override
  public List<Preference> preferences(String userId) {
    String json = get(preferences, userId);
    return json == null ? List.of() : read(json, PREFERENCES);
  }

  @Override
  public Set<String> followers(String recordType, String recordId) {
    return users(followers, FactUpdate.recordKey(recordType, recordId));
  }

  @Override
  public String assignee(String recordType, String recordId) {
    return get(assignees, FactUpdate.recordKey(recordType, recordId));
  }

  @Override
  public Set<String> workspaceWatchers(String type) {
    Set<String> watchers = new TreeSet<>(users(indexes, watchKey(type)));
    watchers.addAll(users(indexes, watchKey(Preference.ANY_TYPE)));
    return watchers;
  }

  @Override
  public Set<String> admins() {
    return users(indexes, ADMINS);
  }

  @Override
  public void putMember(Member member) {
    put(members, member.id(), write(member));
    Set<String> admins = admins();
    boolean changed =
        member.role() != null && adminRoles.contains(member.role())
            ? admins.add(member.id())
            : admins.remove(member.id());
    if (changed) {
      put(indexes, ADMINS, write(admins));
    }
  }

  @Override
  public void removeMember(String userId) {
    remove(members, userId);
    Set<String> admins = admins();
    if (admins.remove(userId)) {
      put(indexes, ADMINS, write(admins));
    }
  }

  @Override
  public void putPreference(String userId, Preference preference) {
    List<Preference> rows = new ArrayList<>(preferences(userId));
    rows.removeIf(
        p -> p.activityType().equals(preference.activityType()) && p.scope() == preference.scope());
    rows.add(preference);
    put(preferences, userId, write(rows));
    if (preference.scope() == Scope.WORKSPACE) {
      String key = watchKey(preference.activityType());
      Set<String> watchers = users(indexes, key);
      boolean changed =
          preference.inApp() || preference.email() ? watchers.add(userId) : watchers.remove(userId);
      if (changed) {
        putUsers(indexes, key, watchers);
      }
    }
  }

  @Override
  public void removePreference(String userId, String activityType, Scope scope) {
    List<Preference> rows = new ArrayList<>(preferences(userId));
    if (rows.removeIf(p -> p.activityType().equals(activityType) && p.scope() == scope)) {
      if (rows.isEmpty()) {
        remove(preferences, userId);
      } else {
        put(preferences, userId, write(rows));
      }
    }
    if (scope == Scope.WORKSPACE) {
      Set<String> watchers = users(indexes, watchKey(activityType));
      if (watchers.remove(userId)) {
        putUsers(indexes, watchKey(activityType), watchers);
      }
    }
  }

  @Override
  public void follow(String recordType, String recordId, String userId) {
    String key = FactUpdate.recordKey(recordType, recordId);
    Set<String> users = users(followers, key);
    if (users.add(userId)) {
      putUsers(followers, key, users);
    }
  }

  @Override
  public void unfollow(String recordType, String recordId, String userId) {
    String key = FactUpdate.recordKey(recordType, recordId);
    Set<String> users = users(followers, key);
    if (users.remove(userId)) {
      putUsers(followers, key, users);
    }
  }

  @Override
  public void assign(String recordType, String recordId, String userId) {
    String key = FactUpdate.recordKey(recordType, recordId);
    if (userId == null) {
      remove(assignees, key);
    } else {
      put(assignees, key, userId);
    }
  }

  private static String watchKey(String type) {
    return "watch|" + type;
  }

  private Set<String> users(MapState<String, String> state, String key) {
    String json = get(state, key);
    return json == null ? new TreeSet<>() : new TreeSet<>(read(json, USERS));
  }

  private void putUsers(MapState<String, String> state, String key, Set<String> users) {
    if (users.isEmpty()) {
      remove(state, key);
    } else {
      put(state, key, write(users));
    }
  }

  private static String get(MapState<String, String> state, String key) {
    try {
      return state.get(key);
    } catch (Exception e) {
      throw new StateAccessException("cannot read the notifier's state", e);
    }
  }

  private static void put(MapState<String, String> state, String key, String value) {
    try {
      state.put(key, value);
    } catch (Exception e) {
      throw new StateAccessException("cannot write the notifier's state", e);
    }
  }

  private static void remove(MapState<String, String> state, String key) {
    try {
      state.remove(key);
    } catch (Exception e) {
      throw new StateAccessException("cannot write the notifier's state", e);
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode notifier state", e);
    }
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot decode notifier state: " + json, e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot decode notifier state: " + json, e);
    }
  }
}
