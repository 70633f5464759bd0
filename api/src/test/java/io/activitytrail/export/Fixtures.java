package io.activitytrail.export;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.SourcePosition;
import io.activitytrail.schemas.ContractClasses;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Activities for the export tests. */
final class Fixtures {

  static {
    ContractClasses.trust();
  }

  private Fixtures() {}

  /**
   * One activity {@code minutes} after {@code base}; the display name starts with '=' (a formula)
   * when {@code hostile}, and the change is a sensitive one on odd minutes.
   */
  static ActivityEvent activity(String workspace, Instant base, int minutes, boolean hostile) {
    Instant at = base.plus(Duration.ofMinutes(minutes));
    String id = "evt-" + workspace + "-" + minutes;
    boolean sensitive = minutes % 2 == 1;
    return ActivityEvent.newBuilder()
        .setEventId(id)
        .setChangeId("chg-" + id)
        .setWorkspaceId(workspace)
        .setOccurredAt(at)
        .setProcessedAt(at.plusMillis(200))
        .setCategory(Category.activity)
        .setType("updated")
        .setRecordType("ticket")
        .setRecordId(Integer.toString(100 + minutes))
        .setRecordDisplay(
            hostile
                ? "=HYPERLINK(\"http://x\",\"click\")"
                : "#" + minutes + " Printer, \"on\" fire")
        .setParentRecordType(null)
        .setParentRecordId(null)
        .setActor(
            Actor.newBuilder()
                .setType("user")
                .setId("u-7")
                .setName("Ada Agent")
                .setIp("10.0.0.8")
                .setUserAgent("Mozilla/5.0")
                .setRequestId("req-" + id)
                .setChannel("web")
                .setRuleId(null)
                .setOnBehalfOf(null)
                .setImpersonatorId(null)
                .setSource("context")
                .setDbUser("app")
                .setExtra(Map.of())
                .build())
        .setChanges(
            List.of(
                FieldChange.newBuilder()
                    .setField(sensitive ? "password_hash" : "priority")
                    .setOld(sensitive ? "secret-old" : "low")
                    .setNew$(sensitive ? "secret-new" : "high")
                    .setOldDisplay(null)
                    .setNewDisplay(null)
                    .setSensitive(sensitive)
                    .build()))
        .setDetails(Map.of())
        .setTransactionId("734:" + minutes)
        .setSource(
            SourcePosition.newBuilder()
                .setConnector("helpdesk")
                .setSchema$("helpdesk")
                .setTable("tickets")
                .setLsn(1000L + minutes)
                .setTxOrder(1L)
                .setTopic("helpdesk.helpdesk.tickets")
                .setPartition(0)
                .setOffset(minutes)
                .build())
        .build();
  }
}
