package io.activitytrail.export;

import io.activitytrail.api.Role;
import java.util.Objects;

/** Who asked for an export: the user id from the token and its role. */
public record Requester(String userId, Role role) {
  public Requester {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(role, "role");
  }
}
