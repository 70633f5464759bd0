package io.activitytrail.api;

/** Who asks, as the verified token says: the user, the one workspace it may read, its role. */
public record Caller(String userId, String workspaceId, Role role) {}
