package io.activitytrail.api;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.SourcePosition;
import io.activitytrail.schemas.ContractClasses;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Named activity fixtures for the API tests. Times are minutes after {@link #BASE}, two days ago:
 * the table's TTL runs on the real clock.
 */
public final class Activities {

  public static final Instant BASE =
      Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS).plusMillis(123);

  private static final AtomicLong IDS = new AtomicLong();

  static {
    ContractClasses.trust();
  }

  private Activities() {}

  public static Spec in(String workspace) {
    return new Spec(workspace);
  }

  /** One event, described by a few named facts; {@link #build()} makes it. */
  public static final class Spec {
    private final String workspace;
    private final String id = "evt-" + IDS.incrementAndGet();
    private Category category = Category.activity;
    private String type = "updated";
    private String recordType = "ticket";
    private String recordId = "42";
    private String parentType;
    private String parentId;
    private String actorId = "7";
    private String ip = "10.0.0.8";
    private Instant at = BASE;
    private long lsn = IDS.get() * 100;
    private List<FieldChange> changes = List.of();
    private Map<String, String> details = Map.of();

    private Spec(String workspace) {
      this.workspace = workspace;
    }

    public Spec type(String t) {
      type = t;
      return this;
    }

    public Spec audit(String t) {
      category = Category.audit;
      type = t;
      recordType = "workspace";
      recordId = workspace;
      return this;
    }

    public Spec record(String t, String rid) {
      recordType = t;
      recordId = rid;
      return this;
    }

    public Spec parent(String t, String pid) {
      parentType = t;
      parentId = pid;
      return this;
    }

    public Spec actor(String a) {
      actorId = a;
      return this;
    }

    public Spec ip(String i) {
      ip = i;
      return this;
    }

    public Spec minute(int m) {
      at = BASE.plus(Duration.ofMinutes(m));
      return this;
    }

    public Spec changes(FieldChange... c) {
      changes = List.of(c);
      return this;
    }

    public Spec details(Map<String, String> d) {
      details = Map.copyOf(d);
      return this;
    }

    public String id() {
      return id;
    }

    public ActivityEvent build() {
      return ActivityEvent.newBuilder()
          .setEventId(id)
          .setChangeId("chg-" + id)
          .setWorkspaceId(workspace)
          .setOccurredAt(at)
          .setProcessedAt(at.plusMillis(200))
          .setCategory(category)
          .setType(type)
          .setRecordType(recordType)
          .setRecordId(recordId)
          .setRecordDisplay(
              "ticket".equals(recordType) ? "#" + recordId + " Printer on fire" : null)
          .setParentRecordType(parentType)
          .setParentRecordId(parentId)
          .setActor(
              Actor.newBuilder()
                  .setType("user")
                  .setId(actorId)
                  .setName("User " + actorId)
                  .setIp(ip)
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
          .setChanges(changes)
          .setDetails(details)
          .setTransactionId("734:" + lsn)
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
          .build();
    }
  }

  public static FieldChange change(String field, String old, String now, boolean sensitive) {
    return FieldChange.newBuilder()
        .setField(field)
        .setOld(old)
        .setNew$(now)
        .setOldDisplay(null)
        .setNewDisplay(null)
        .setSensitive(sensitive)
        .build();
  }
}
