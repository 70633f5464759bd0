package io.activitytrail.notifications;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the notifier knows of one workspace when an activity arrives: its team, their settings, who
 * follows and who is assigned which record — each as committed before the activity (the job applies
 * the platform's rows in commit order, together with the activities).
 */
public interface WorkspaceFacts {

  /** A team member; empty for an unknown id (a customer, a deleted user). */
  Optional<Member> member(String userId);

  /** The user's own settings rows (without defaults). */
  List<Preference> preferences(String userId);

  /** Who follows the record. */
  Set<String> followers(String recordType, String recordId);

  /** The record's assignee now; null when unassigned or unknown. */
  String assignee(String recordType, String recordId);

  /** Users with a workspace-scope setting for {@code type} or for every type. */
  Set<String> workspaceWatchers(String type);

  /** Team members whose role receives audit types. */
  Set<String> admins();
}
