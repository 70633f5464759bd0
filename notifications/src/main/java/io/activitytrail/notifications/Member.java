package io.activitytrail.notifications;

import java.io.Serializable;

/**
 * A team member as the notifier knows them, from the users table as committed before the activity.
 *
 * @param email null when the row has none: no email then
 */
public record Member(String id, String email, String name, String role) implements Serializable {}
