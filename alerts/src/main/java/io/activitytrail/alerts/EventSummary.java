package io.activitytrail.alerts;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.FieldChange;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One line that says what a matching event was, for an alert's email: when, what, on which record,
 * by whom, from where, and what changed ("role: agent -> admin"). Sensitive values stay hidden, as
 * everywhere else. Pure.
 */
public final class EventSummary {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private EventSummary() {}

  public static String of(ActivityEvent event) {
    StringBuilder line = new StringBuilder();
    line.append(WHEN.format(event.getOccurredAt())).append("  ").append(event.getType());
    line.append("  ").append(event.getRecordType().replace('_', ' ')).append(' ');
    line.append(event.getRecordDisplay() == null ? event.getRecordId() : event.getRecordDisplay());
    line.append("  by ").append(actor(event.getActor()));
    String ip = event.getActor().getIp();
    if (ip != null) {
      line.append(" from ").append(ip);
    }
    List<String> changes = new ArrayList<>();
    for (FieldChange change : event.getChanges()) {
      changes.add(
          change.getSensitive()
              ? change.getField() + ": (changed)"
              : change.getField()
                  + ": "
                  + value(change.getOldDisplay(), change.getOld())
                  + " -> "
                  + value(change.getNewDisplay(), change.getNew$()));
    }
    if (!changes.isEmpty()) {
      line.append("  ").append(String.join(", ", changes));
    }
    return line.toString();
  }

  private static String actor(Actor actor) {
    String who = actor.getName() != null ? actor.getName() : actor.getId();
    return who == null ? actor.getType() : who;
  }

  private static String value(String display, String raw) {
    return display != null ? display : raw == null ? "-" : raw;
  }
}
