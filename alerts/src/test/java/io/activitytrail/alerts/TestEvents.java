package io.activitytrail.alerts;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.SourcePosition;
import io.activitytrail.schemas.ContractClasses;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Events for rule tests: what a rule looks at varies, the rest is fixed. */
final class TestEvents {

  static final Instant T0 = Instant.parse("2026-03-04T10:00:00Z");

  static {
    ContractClasses.trust();
  }

  private TestEvents() {}

  static ActivityEvent loginFailed(String id, String actor, String ip, long atSeconds) {
    return event(
        id, "login_failed", "team_member", actor, actor, ip, atSeconds, List.of(), Map.of());
  }

  static ActivityEvent event(
      String id,
      String type,
      String recordType,
      String recordId,
      String actor,
      String ip,
      long atSeconds,
      List<FieldChange> changes,
      Map<String, String> details) {
    Instant at = T0.plusMillis(atSeconds * 1000);
    return ActivityEvent.newBuilder()
        .setEventId(id)
        .setChangeId("c-" + id)
        .setWorkspaceId("acme")
        .setOccurredAt(at)
        .setProcessedAt(at)
        .setCategory(Category.audit)
        .setType(type)
        .setRecordType(recordType)
        .setRecordId(recordId)
        .setActor(
            Actor.newBuilder().setType("user").setId(actor).setIp(ip).setSource("context").build())
        .setChanges(changes)
        .setDetails(details)
        .setSource(
            SourcePosition.newBuilder()
                .setConnector("helpdesk")
                .setTopic("t")
                .setPartition(0)
                .setOffset(0)
                .build())
        .build();
  }

  static FieldChange change(String field, String old, String now) {
    return FieldChange.newBuilder().setField(field).setOld(old).setNew$(now).build();
  }
}
