package io.activitytrail.notifications;

import java.util.Map;
import java.util.Set;

/**
 * What a user hears of when no row of their settings says otherwise (docs/notifications.md):
 *
 * <ul>
 *   <li>on records assigned to them: being assigned or unassigned, comments and customer replies,
 *       in the app and by email;
 *   <li>on records they follow: every activity in the app, and comments, customer replies and
 *       status changes by email too;
 *   <li>administrators and owners: role changes, setting changes and data exports of the workspace,
 *       in the app.
 * </ul>
 */
public final class Defaults {

  private static final Map<String, Channels> ASSIGNED =
      Map.of(
          "assigned", Channels.BOTH,
          "comment_added", Channels.BOTH,
          "message_received", Channels.BOTH);

  private static final Set<String> FOLLOWING_BY_EMAIL =
      Set.of("comment_added", "message_received", "status_changed");

  private static final Set<String> ADMIN_AUDIT =
      Set.of("role_changed", "setting_changed", "data_exported");

  private Defaults() {}

  public static Channels channels(String type, Scope scope, boolean admin) {
    return switch (scope) {
      case ASSIGNED -> ASSIGNED.getOrDefault(type, Channels.NONE);
      case FOLLOWING -> FOLLOWING_BY_EMAIL.contains(type) ? Channels.BOTH : Channels.IN_APP;
      case WORKSPACE -> admin && ADMIN_AUDIT.contains(type) ? Channels.IN_APP : Channels.NONE;
    };
  }

  /** The audit types administrators hear of by default: they watch them without a row. */
  public static Set<String> adminAuditTypes() {
    return ADMIN_AUDIT;
  }
}
