package io.activitytrail.clickhouse;

/**
 * Whose notifications a read or a read marker concerns: one user of one workspace. Every statement
 * of {@link NotificationQueries} is bound to both, so nothing can read or mark another user's.
 *
 * @param auditNotifications whether notifications of reason {@code audit} are shown; the API shows
 *     them to the roles that read the audit log, never to members
 */
public record Recipient(String workspaceId, String userId, boolean auditNotifications) {

  public Recipient {
    QueryChecks.requireWorkspace(workspaceId);
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId is required");
    }
  }
}
