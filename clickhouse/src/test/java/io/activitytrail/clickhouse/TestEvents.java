package io.activitytrail.clickhouse;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.SourcePosition;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Named events for tests. Times are relative to now: the table's TTL runs on the real clock. */
public final class TestEvents {

  /** An hour ago, to the millisecond. */
  public static final Instant AN_HOUR_AGO =
      Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);

  private TestEvents() {}

  /** A ticket update by a user, {@code minutesLater} after {@link #AN_HOUR_AGO}. */
  public static ActivityEvent ticketUpdated(
      String eventId, String workspace, String ticketId, int minutesLater, long lsn) {
    Instant at = AN_HOUR_AGO.plus(Duration.ofMinutes(minutesLater));
    return ActivityEvent.newBuilder()
        .setEventId(eventId)
        .setChangeId("chg-" + eventId)
        .setWorkspaceId(workspace)
        .setOccurredAt(at)
        .setProcessedAt(at.plusMillis(250))
        .setCategory(Category.activity)
        .setType("updated")
        .setRecordType("ticket")
        .setRecordId(ticketId)
        .setRecordDisplay("#" + ticketId + " Printer on fire")
        .setActor(
            Actor.newBuilder()
                .setType("user")
                .setId("u-7")
                .setName("Ada Agent")
                .setSource("context")
                .setChannel("web")
                .build())
        .setChanges(
            List.of(
                FieldChange.newBuilder()
                    .setField("priority")
                    .setOld("low")
                    .setNew$("high")
                    .build()))
        .setTransactionId("tx-" + lsn)
        .setSource(
            SourcePosition.newBuilder()
                .setConnector("helpdesk")
                .setSchema$("helpdesk")
                .setTable("tickets")
                .setLsn(lsn)
                .setTxOrder(1L)
                .setTopic("helpdesk.helpdesk.tickets")
                .setPartition(0)
                .setOffset(lsn)
                .build())
        .setRetentionDays(365)
        .build();
  }

  /**
   * An event whose text fields hold what breaks naive encoders; every nullable field set to null.
   */
  public static ActivityEvent tricky(String eventId, String workspace) {
    String longText = "Lorem ipsum \"dolor\" sit amet, ".repeat(2_000);
    return ActivityEvent.newBuilder()
        .setEventId(eventId)
        .setChangeId("chg-" + eventId)
        .setWorkspaceId(workspace)
        .setOccurredAt(AN_HOUR_AGO.plusMillis(7))
        .setProcessedAt(AN_HOUR_AGO.plusMillis(999))
        .setCategory(Category.audit)
        .setType("setting_changed")
        .setRecordType("workspace")
        .setRecordId("ws 'quoted' \\ back\\slash")
        .setRecordDisplay("line one\n\nline three after a blank line\r\n\ttabbed")
        .setActor(
            Actor.newBuilder()
                .setType("unattributed")
                .setSource("none")
                .setDbUser("postgres")
                .setExtra(Map.of("emoji", "Zoë 🚀 日本語", "json", "{\"a\":[1,2]}"))
                .build())
        .setChanges(
            List.of(
                FieldChange.newBuilder()
                    .setField("signature")
                    .setOld(null)
                    .setNew$(longText)
                    .build(),
                FieldChange.newBuilder().setField("api_token").setSensitive(true).build(),
                FieldChange.newBuilder()
                    .setField("note")
                    .setOld("FORMAT JSONEachRow\n\nDROP TABLE activity;")
                    .setNew$("\\N")
                    .setOldDisplay("")
                    .setNewDisplay("NULL")
                    .build()))
        .setDetails(Map.of("reason", "it's \"complicated\"\nreally", "empty", ""))
        .setSource(
            SourcePosition.newBuilder()
                .setConnector("helpdesk")
                .setTopic("helpdesk.message")
                .setPartition(3)
                .setOffset(Long.MAX_VALUE)
                .build())
        .setRetentionDays(30)
        .build();
  }
}
