package io.activitytrail.notifications;

import java.io.Serializable;

/**
 * One thing a committed row teaches the notifier about its workspace: a member's address, name or
 * role; a setting; a follower; a record's assignee. Applied in commit order, before the activities
 * of the same change are decided.
 */
public sealed interface FactUpdate extends Serializable {

  /** Where updates are applied: the job's keyed state, or {@link InMemoryWorkspaceFacts}. */
  interface Target {
    void putMember(Member member);

    void removeMember(String userId);

    void putPreference(String userId, Preference preference);

    void removePreference(String userId, String activityType, Scope scope);

    void follow(String recordType, String recordId, String userId);

    void unfollow(String recordType, String recordId, String userId);

    /** A null user: the record is unassigned. */
    void assign(String recordType, String recordId, String userId);
  }

  void applyTo(Target target);

  static String recordKey(String recordType, String recordId) {
    return recordType + "|" + recordId;
  }

  record MemberSeen(Member member) implements FactUpdate {
    @Override
    public void applyTo(Target target) {
      target.putMember(member);
    }
  }

  record MemberGone(String userId) implements FactUpdate {
    @Override
    public void applyTo(Target target) {
      target.removeMember(userId);
    }
  }

  record PreferenceSet(String userId, Preference preference) implements FactUpdate {
    @Override
    public void applyTo(Target target) {
      target.putPreference(userId, preference);
    }
  }

  record PreferenceCleared(String userId, String activityType, Scope scope) implements FactUpdate {
    @Override
    public void applyTo(Target target) {
      target.removePreference(userId, activityType, scope);
    }
  }

  record Followed(String recordType, String recordId, String userId) implements FactUpdate {
    @Override
    public void applyTo(Target target) {
      target.follow(recordType, recordId, userId);
    }
  }

  record Unfollowed(String recordType, String recordId, String userId) implements FactUpdate {
    @Override
    public void applyTo(Target target) {
      target.unfollow(recordType, recordId, userId);
    }
  }

  record Assigned(String recordType, String recordId, String userId) implements FactUpdate {
    @Override
    public void applyTo(Target target) {
      target.assign(recordType, recordId, userId);
    }
  }
}
