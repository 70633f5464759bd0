package io.activitytrail.api;

import io.activitytrail.clickhouse.Page;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API's JSON shape of an activity (snake_case, ISO-8601 UTC with milliseconds), as the caller's
 * role may see it.
 */
public final class ActivityJson {

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ActivityJson() {}

  /**
   * A record's timeline holds its audit events too (a team member's logins and role changes): a
   * member's page drops them, so it may hold fewer than the limit; the cursor still continues after
   * the last row read, so paging neither skips nor repeats.
   */
  public static Map<String, Object> page(Page page, Role role) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(
        "items",
        page.items().stream()
            .filter(e -> role.readsAudit() || e.getCategory() != Category.audit)
            .map(e -> item(e, role))
            .toList());
    json.put("next_cursor", page.nextCursor());
    return json;
  }

  public static Map<String, Object> item(ActivityEvent e, Role role) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("event_id", e.getEventId());
    // Shared by the activities one row change implies (a status change and a priority change).
    json.put("change_id", e.getChangeId());
    json.put("workspace_id", e.getWorkspaceId());
    json.put("occurred_at", timestamp(e.getOccurredAt()));
    json.put("category", e.getCategory().name());
    json.put("type", e.getType());
    json.put("record_type", e.getRecordType());
    json.put("record_id", e.getRecordId());
    json.put("record_display", e.getRecordDisplay());
    json.put("parent_record_type", e.getParentRecordType());
    json.put("parent_record_id", e.getParentRecordId());
    json.put("actor", actor(e.getActor(), role));
    json.put("changes", e.getChanges().stream().map(ActivityJson::change).toList());
    // Type-specific facts the timeline shows: a note's internal flag, a file's name and size.
    json.put("details", new java.util.TreeMap<>(e.getDetails()));
    json.put("transaction_id", e.getTransactionId());
    return json;
  }

  public static String timestamp(Instant instant) {
    return MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  private static Map<String, Object> actor(Actor a, Role role) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", a.getType());
    json.put("id", a.getId());
    json.put("name", a.getName());
    if (role.seesRequestContext()) {
      json.put("ip", a.getIp());
      json.put("user_agent", a.getUserAgent());
      json.put("channel", a.getChannel());
      json.put("rule_id", a.getRuleId());
      json.put("on_behalf_of", a.getOnBehalfOf());
      json.put("impersonator_id", a.getImpersonatorId());
    }
    return json;
  }

  private static Map<String, Object> change(FieldChange c) {
    boolean hidden = c.getSensitive();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("field", c.getField());
    // A sensitive field is shown as changed, never with its values.
    json.put("old", hidden ? null : c.getOld());
    json.put("new", hidden ? null : c.getNew$());
    json.put("old_display", hidden ? null : c.getOldDisplay());
    json.put("new_display", hidden ? null : c.getNewDisplay());
    json.put("sensitive", hidden);
    return json;
  }
}
