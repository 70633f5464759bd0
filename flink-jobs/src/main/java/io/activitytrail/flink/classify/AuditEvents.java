package io.activitytrail.flink.classify;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.SourcePosition;
import io.activitytrail.flink.decode.AppEvent;
import io.activitytrail.schemas.context.AuditEvent;
import io.activitytrail.schemas.context.ContextMessages;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code trail.event} messages (logins, exports, downloads) to audit events. The message's {@code
 * type} is kept as given, so a type this code does not know is still recorded.
 */
public final class AuditEvents {
  private static final Set<String> ABOUT_THE_ACTOR = Set.of("login_succeeded", "login_failed");

  private AuditEvents() {}

  public static ActivityEvent classify(AppEvent event, Instant processedAt) {
    Map<String, String> fields = event.fields();
    String type = fields.get("type");
    String workspace = fields.get("workspace_id");
    String recordType;
    String recordId;
    if (fields.containsKey("record_type") && fields.containsKey("record_id")) {
      recordType = fields.get("record_type");
      recordId = fields.get("record_id");
    } else if (ABOUT_THE_ACTOR.contains(type) && fields.get("actor_id") != null) {
      recordType = "team_member";
      recordId = fields.get("actor_id");
    } else {
      recordType = "workspace";
      recordId = workspace;
    }
    Map<String, String> details = new LinkedHashMap<>();
    fields.forEach(
        (name, value) -> {
          if (!AuditEvent.NAMED_FIELDS.contains(name)) {
            details.put(name, value);
          }
        });
    String name = ContextMessages.EVENT_PREFIX;
    return ActivityEvent.newBuilder()
        .setEventId(EventIds.eventId(event.connector(), event.lsn(), name, event.contentHash(), 0))
        .setChangeId(EventIds.changeId(event.connector(), event.lsn(), name, event.contentHash()))
        .setWorkspaceId(workspace)
        .setOccurredAt(occurredAt(fields.get("occurred_at"), event.commitTimeMillis()))
        .setProcessedAt(processedAt)
        .setCategory(Category.audit)
        .setType(type)
        .setRecordType(recordType)
        .setRecordId(recordId == null ? "" : recordId)
        .setActor(
            Actor.newBuilder()
                .setType(fields.getOrDefault("actor_type", "user"))
                .setId(fields.get("actor_id"))
                .setName(fields.get("actor_name"))
                .setIp(fields.get("ip"))
                .setUserAgent(fields.get("user_agent"))
                .setRequestId(fields.get("request_id"))
                .setChannel(fields.get("channel"))
                .setSource(ActorResolver.FROM_CONTEXT)
                .setExtra(new HashMap<>())
                .build())
        .setChanges(new ArrayList<>())
        .setDetails(new HashMap<>(details))
        .setTransactionId(event.transactionId())
        .setSource(
            SourcePosition.newBuilder()
                .setConnector(event.connector())
                .setLsn(event.lsn())
                .setTopic(event.source().topic())
                .setPartition(event.source().partition())
                .setOffset(event.source().offset())
                .build())
        .build();
  }

  /** The platform's own time of the attempt when it gave a valid one; else the commit time. */
  private static Instant occurredAt(String given, long commitTimeMillis) {
    if (given != null) {
      try {
        return OffsetDateTime.parse(given).toInstant();
      } catch (DateTimeParseException e) {
        // fall through: a malformed platform timestamp must not lose the event
      }
    }
    return Instant.ofEpochMilli(commitTimeMillis);
  }
}
