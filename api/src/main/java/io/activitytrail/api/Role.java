package io.activitytrail.api;

import java.util.Arrays;
import java.util.Optional;

/** The role a token grants inside its workspace. */
public enum Role {
  member,
  admin,
  auditor;

  /** Admins and auditors read the audit log; members do not. */
  public boolean readsAudit() {
    return this != member;
  }

  /**
   * Request context (ip, user agent, channel, rule, delegation) is personal data about other
   * people: only admins and auditors see it.
   */
  public boolean seesRequestContext() {
    return this != member;
  }

  public static Optional<Role> parse(String name) {
    return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
  }
}
