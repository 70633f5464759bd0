package io.activitytrail.api;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.SourcePosition;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Named activity fixtures for the API and table tests. */
final class Activities {

  static final Instant STATUS_CHANGED_AT = Instant.parse("2025-03-04T10:15:30.123456Z");

  private Activities() {}

  static ActivityEvent ticketStatusChanged() {
    return ActivityEvent.newBuilder()
        .setEventId("0b6f3c1e-0000-5000-8000-000000000001")
        .setChangeId("tx-734")
        .setWorkspaceId("acme")
        .setOccurredAt(STATUS_CHANGED_AT)
        .setProcessedAt(STATUS_CHANGED_AT.plusMillis(200))
        .setCategory(Category.activity)
        .setType("status_changed")
        .setRecordType("ticket")
        .setRecordId("42")
        .setRecordDisplay("#42 Printer on fire")
        .setParentRecordType(null)
        .setParentRecordId(null)
        .setActor(
            Actor.newBuilder()
                .setType("user")
                .setId("7")
                .setName("Ana Ruiz")
                .setIp("10.0.0.8")
                .setUserAgent(null)
                .setRequestId(null)
                .setChannel("web")
                .setRuleId(null)
                .setOnBehalfOf(null)
                .setImpersonatorId(null)
                .setSource("context")
                .setDbUser("trail")
                .setExtra(Map.of())
                .build())
        .setChanges(
            List.of(
                change("status", "open", "pending", null, null, false),
                change("password_hash", "x1", "x2", null, null, true)))
        .setDetails(Map.of())
        .setTransactionId("734:26411776")
        .setSource(
            SourcePosition.newBuilder()
                .setConnector("helpdesk")
                .setSchema$("helpdesk")
                .setTable("tickets")
                .setLsn(26411776L)
                .setTxOrder(2L)
                .setTopic("helpdesk.helpdesk.tickets")
                .setPartition(0)
                .setOffset(17L)
                .build())
        .build();
  }

  private static FieldChange change(
      String field,
      String old,
      String now,
      String oldDisplay,
      String newDisplay,
      boolean sensitive) {
    return FieldChange.newBuilder()
        .setField(field)
        .setOld(old)
        .setNew$(now)
        .setOldDisplay(oldDisplay)
        .setNewDisplay(newDisplay)
        .setSensitive(sensitive)
        .build();
  }
}
