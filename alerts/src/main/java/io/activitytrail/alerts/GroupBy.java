package io.activitytrail.alerts;

import io.activitytrail.event.ActivityEvent;
import java.util.Locale;

/**
 * What a rule counts per (its {@code group_by}) or counts distinct values of (its {@code
 * distinct}): the actor, the client ip, the record, or nothing (one count for the workspace).
 */
public enum GroupBy {
  ACTOR,
  IP,
  RECORD,
  NONE;

  /**
   * The event's value for this key, or null when it has none (an event without an ip is not counted
   * by an ip rule: it would otherwise pile every such event into one "null" group).
   */
  public String valueOf(ActivityEvent event) {
    return switch (this) {
      case ACTOR -> event.getActor().getId();
      case IP -> event.getActor().getIp();
      case RECORD -> event.getRecordType() + ":" + event.getRecordId();
      case NONE -> "";
    };
  }

  /** The name rules use ({@code actor}, {@code ip}, {@code record}, {@code none}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The rule's spelling of a value, or null when it is not one. */
  static GroupBy parse(String value) {
    for (GroupBy g : values()) {
      if (g.key().equals(value)) {
        return g;
      }
    }
    return null;
  }
}
