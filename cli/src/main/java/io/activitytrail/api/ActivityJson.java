package io.activitytrail.api;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.FieldChange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's JSON shape of an activity (snake_case, ISO-8601 UTC with milliseconds). */
public final class ActivityJson {

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ActivityJson() {}

  public static Map<String, Object> page(List<ActivityEvent> events) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("items", events.stream().map(ActivityJson::item).toList());
    page.put("next_cursor", null);
    return page;
  }

  public static Map<String, Object> item(ActivityEvent e) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("event_id", e.getEventId());
    json.put("workspace_id", e.getWorkspaceId());
    json.put("occurred_at", timestamp(e.getOccurredAt()));
    json.put("category", e.getCategory().name());
    json.put("type", e.getType());
    json.put("record_type", e.getRecordType());
    json.put("record_id", e.getRecordId());
    json.put("record_display", e.getRecordDisplay());
    json.put("actor", actor(e.getActor()));
    List<Map<String, Object>> changes = new ArrayList<>();
    for (FieldChange c : e.getChanges()) {
      changes.add(change(c));
    }
    json.put("changes", changes);
    json.put("transaction_id", e.getTransactionId());
    return json;
  }

  public static String timestamp(Instant instant) {
    return MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  private static Map<String, Object> actor(Actor a) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", a.getType());
    json.put("id", a.getId());
    json.put("name", a.getName());
    json.put("channel", a.getChannel());
    json.put("rule_id", a.getRuleId());
    json.put("on_behalf_of", a.getOnBehalfOf());
    json.put("impersonator_id", a.getImpersonatorId());
    return json;
  }

  private static Map<String, Object> change(FieldChange c) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("field", c.getField());
    // A sensitive field is shown as changed, never with its values.
    json.put("old", c.getSensitive() ? null : c.getOld());
    json.put("new", c.getSensitive() ? null : c.getNew$());
    json.put("old_display", c.getSensitive() ? null : c.getOldDisplay());
    json.put("new_display", c.getSensitive() ? null : c.getNewDisplay());
    json.put("sensitive", c.getSensitive());
    return json;
  }
}
