package io.activitytrail.schemas.serde;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.SourcePosition;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Named events that fill every part of the contract, so a round trip exercises all of it. */
final class SampleEvents {

  static final Instant COMMITTED = Instant.parse("2026-03-02T09:15:30.123Z");
  static final Instant PROCESSED = Instant.parse("2026-03-02T09:15:30.318Z");

  private SampleEvents() {}

  /** An agent moves ticket #1042 from open to in progress, with the context the platform sent. */
  static ActivityEvent ticketStatusChanged() {
    return ActivityEvent.newBuilder()
        .setEventId("7d1b8a52-3f0e-5c1a-9a55-0c8f4d1e2b3a")
        .setChangeId("c9f0b7e4-1d2a-5e3b-8c4d-5e6f7a8b9c0d")
        .setWorkspaceId("ws-acme")
        .setOccurredAt(COMMITTED)
        .setProcessedAt(PROCESSED)
        .setCategory(Category.activity)
        .setType("status_changed")
        .setRecordType("ticket")
        .setRecordId("1042")
        .setRecordDisplay("#1042 Printer on floor 3 is jammed")
        .setActor(
            Actor.newBuilder()
                .setType("user")
                .setId("u-17")
                .setName("Dana Agent")
                .setIp("203.0.113.7")
                .setUserAgent("Mozilla/5.0")
                .setRequestId("req-5f2c")
                .setChannel("web")
                .setSource("context")
                .setDbUser("helpdesk_app")
                .setExtra(Map.of("tenant_region", "eu-west"))
                .build())
        .setChanges(
            List.of(
                FieldChange.newBuilder()
                    .setField("status")
                    .setOld("open")
                    .setNew$("in_progress")
                    .build(),
                FieldChange.newBuilder().setField("api_token").setSensitive(true).build()))
        .setDetails(Map.of("internal", "false"))
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
                .setOffset(41L)
                .build())
        .build();
  }
}
