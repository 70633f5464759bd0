package io.activitytrail.flink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.FieldChange;
import java.util.Map;
import java.util.TreeMap;

/**
 * Activities as JSON trees for comparison with golden files. Ids, processing time and the Kafka
 * position are left out: they are checked by their own tests.
 */
public final class ActivityJson {
  private ActivityJson() {}

  public static ArrayNode toJson(Iterable<ActivityEvent> events) {
    ArrayNode array = Fixtures.JSON.createArrayNode();
    events.forEach(event -> array.add(toJson(event)));
    return array;
  }

  public static ObjectNode toJson(ActivityEvent event) {
    ObjectNode node = Fixtures.JSON.createObjectNode();
    node.put("type", event.getType());
    node.put("category", event.getCategory().name());
    node.put("workspace_id", event.getWorkspaceId());
    node.put("record_type", event.getRecordType());
    node.put("record_id", event.getRecordId());
    putIfSet(node, "record_display", event.getRecordDisplay());
    putIfSet(node, "parent_record_type", event.getParentRecordType());
    putIfSet(node, "parent_record_id", event.getParentRecordId());
    node.put("occurred_at", event.getOccurredAt().toString());
    node.set("actor", actor(event.getActor()));
    if (!event.getChanges().isEmpty()) {
      ArrayNode changes = node.putArray("changes");
      for (FieldChange change : event.getChanges()) {
        ObjectNode c = changes.addObject();
        c.put("field", change.getField());
        c.put("old", change.getOld());
        c.put("new", change.getNew$());
        if (change.getOldDisplay() != null) {
          c.put("old_display", change.getOldDisplay());
        }
        if (change.getNewDisplay() != null) {
          c.put("new_display", change.getNewDisplay());
        }
        if (change.getSensitive()) {
          c.put("sensitive", true);
        }
      }
    }
    if (!event.getDetails().isEmpty()) {
      ObjectNode details = node.putObject("details");
      new TreeMap<>(event.getDetails()).forEach(details::put);
    }
    putIfSet(node, "transaction_id", event.getTransactionId());
    if (event.getRetentionDays() != null) {
      node.put("retention_days", event.getRetentionDays());
    }
    return node;
  }

  private static ObjectNode actor(Actor actor) {
    ObjectNode node = Fixtures.JSON.createObjectNode();
    node.put("type", actor.getType());
    node.put("source", actor.getSource());
    putIfSet(node, "id", actor.getId());
    putIfSet(node, "name", actor.getName());
    putIfSet(node, "ip", actor.getIp());
    putIfSet(node, "user_agent", actor.getUserAgent());
    putIfSet(node, "request_id", actor.getRequestId());
    putIfSet(node, "channel", actor.getChannel());
    putIfSet(node, "rule_id", actor.getRuleId());
    putIfSet(node, "on_behalf_of", actor.getOnBehalfOf());
    putIfSet(node, "impersonator_id", actor.getImpersonatorId());
    putIfSet(node, "db_user", actor.getDbUser());
    if (!actor.getExtra().isEmpty()) {
      ObjectNode extra = node.putObject("extra");
      for (Map.Entry<String, String> e : new TreeMap<>(actor.getExtra()).entrySet()) {
        extra.put(e.getKey(), e.getValue());
      }
    }
    return node;
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
