package io.activitytrail.notifications;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is notified of an activity, and why (docs/notifications.md). Pure: the same activity and
 * facts give the same decisions, whether the change came from the app, an automation, an import or
 * direct SQL.
 *
 * <ul>
 *   <li>An assignment reaches the new assignee, and the previous one when it was taken from them.
 *   <li>Other activities reach the record's assignee (scope {@code assigned}), its followers (scope
 *       {@code following}; a file's parent record counts), and users whose {@code workspace} scope
 *       covers the type.
 *   <li>Audit events reach only administrators and owners, whatever a member's settings say.
 *   <li>Never the actor of the change, never anyone who is not a team member, never a channel the
 *       recipient's settings (or the defaults) leave off.
 * </ul>
 */
public final class Recipients implements Serializable {

  static final String ASSIGNED_TYPE = "assigned";

  private final Set<String> adminRoles;
  private final Set<String> feedAuditTypes;

  /**
   * @param adminRoles roles that receive audit types
   * @param feedAuditTypes audit types whose activity copy shows in the feed: the audit original
   *     notifies, the copy does not (one notification per change)
   */
  public Recipients(Set<String> adminRoles, Set<String> feedAuditTypes) {
    this.adminRoles = Set.copyOf(adminRoles);
    this.feedAuditTypes = Set.copyOf(feedAuditTypes);
  }

  public List<Decision> decide(ActivityEvent event, WorkspaceFacts facts) {
    if (event.getCategory() == Category.activity && feedAuditTypes.contains(event.getType())) {
      return List.of();
    }
    Candidates candidates = new Candidates(event, facts);
    if (event.getCategory() == Category.audit) {
      for (String admin : facts.admins()) {
        candidates.consider(admin, Reason.AUDIT, Scope.WORKSPACE);
      }
      return candidates.decisions();
    }
    if (event.getType().equals(ASSIGNED_TYPE) && !event.getChanges().isEmpty()) {
      FieldChange change = event.getChanges().get(0);
      candidates.consider(change.getNew$(), Reason.ASSIGNED, Scope.ASSIGNED);
      if (change.getOld() != null && !change.getOld().equals(change.getNew$())) {
        candidates.consider(change.getOld(), Reason.UNASSIGNED, Scope.ASSIGNED);
      }
    }
    for (Record record : records(event)) {
      candidates.consider(
          facts.assignee(record.type(), record.id()), Reason.ASSIGNED, Scope.ASSIGNED);
      for (String follower : facts.followers(record.type(), record.id())) {
        candidates.consider(follower, Reason.FOLLOWING, Scope.FOLLOWING);
      }
    }
    for (String watcher : facts.workspaceWatchers(event.getType())) {
      candidates.consider(watcher, Reason.WORKSPACE, Scope.WORKSPACE);
    }
    return candidates.decisions();
  }

  /** The activity's record and, for a child such as a file, the record it belongs to. */
  private static List<Record> records(ActivityEvent event) {
    List<Record> records = new ArrayList<>();
    records.add(new Record(event.getRecordType(), event.getRecordId()));
    if (event.getParentRecordType() != null && event.getParentRecordId() != null) {
      records.add(new Record(event.getParentRecordType(), event.getParentRecordId()));
    }
    return records;
  }

  private record Record(String type, String id) {}

  /** The recipients gathered for one activity, each with its best reason and its channels. */
  private final class Candidates {
    private final ActivityEvent event;
    private final WorkspaceFacts facts;
    private final String actorId;
    private final Map<String, Decision> byUser = new LinkedHashMap<>();

    Candidates(ActivityEvent event, WorkspaceFacts facts) {
      this.event = event;
      this.facts = facts;
      // Only a team member can be the actor among recipients: a customer's id is another table's.
      this.actorId = "user".equals(event.getActor().getType()) ? event.getActor().getId() : null;
    }

    void consider(String userId, Reason reason, Scope scope) {
      if (userId == null || userId.equals(actorId)) {
        return;
      }
      Optional<Member> member = facts.member(userId);
      if (member.isEmpty()) {
        return;
      }
      boolean admin = member.get().role() != null && adminRoles.contains(member.get().role());
      if (reason == Reason.AUDIT && !admin) {
        return;
      }
      Channels channels = channels(facts.preferences(userId), event.getType(), scope, admin);
      if (member.get().email() == null) {
        channels = new Channels(channels.inApp(), false);
      }
      if (!channels.any()) {
        return;
      }
      Decision known = byUser.get(userId);
      if (known == null) {
        byUser.put(userId, new Decision(member.get(), reason, channels));
      } else {
        Reason best = known.reason().ordinal() <= reason.ordinal() ? known.reason() : reason;
        byUser.put(userId, new Decision(member.get(), best, known.channels().or(channels)));
      }
    }

    List<Decision> decisions() {
      return List.copyOf(byUser.values());
    }
  }

  /**
   * The channels of a type in a scope: the user's row for exactly that type, else their row for
   * every type ({@code *}), else the defaults.
   */
  static Channels channels(List<Preference> rows, String type, Scope scope, boolean admin) {
    Preference any = null;
    for (Preference row : rows) {
      if (row.scope() != scope) {
        continue;
      }
      if (row.activityType().equals(type)) {
        return new Channels(row.inApp(), row.email());
      }
      if (row.activityType().equals(Preference.ANY_TYPE)) {
        any = row;
      }
    }
    if (any != null) {
      return new Channels(any.inApp(), any.email());
    }
    return Defaults.channels(type, scope, admin);
  }
}
