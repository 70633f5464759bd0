package io.activitytrail.schemas.filter;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.SourcePosition;
import java.time.Instant;
import java.util.List;

/** Small events for filter tests: only what a filter looks at varies. */
final class Events {

  private Events() {}

  static ActivityEvent event(
      String type,
      String recordType,
      String actorId,
      String ip,
      Instant at,
      List<FieldChange> changes) {
    return ActivityEvent.newBuilder()
        .setEventId(type + "-" + at.toEpochMilli())
        .setChangeId("c")
        .setWorkspaceId("acme")
        .setOccurredAt(at)
        .setProcessedAt(at)
        .setCategory(Category.audit)
        .setType(type)
        .setRecordType(recordType)
        .setRecordId("1")
        .setActor(
            Actor.newBuilder()
                .setType("user")
                .setId(actorId)
                .setIp(ip)
                .setSource("context")
                .build())
        .setChanges(changes)
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
