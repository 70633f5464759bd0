package io.activitytrail.clickhouse;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.SourcePosition;
import io.activitytrail.schemas.ContractClasses;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * Events for query tests, built from a few named facts. Times are minutes after {@link #BASE}, a
 * day ago: the table's TTL runs on the real clock.
 */
final class QueryFixtures {

  static final Instant BASE =
      Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

  /** Commit order, as the queries define it (a missing lsn or tx order first). */
  static final Comparator<ActivityEvent> COMMIT_ORDER =
      Comparator.comparing(ActivityEvent::getOccurredAt)
          .thenComparingLong(e -> orMissing(e.getSource().getLsn()))
          .thenComparingLong(e -> orMissing(e.getSource().getTxOrder()))
          .thenComparing(ActivityEvent::getEventId);

  static {
    // The builders fill defaults (empty changes, details) through Avro's class checks.
    ContractClasses.trust();
  }

  private QueryFixtures() {}

  /** A mutable description of one event; {@link #build()} makes it. */
  static final class Spec {
    String id;
    String workspace = "ws-a";
    Category category = Category.activity;
    String type = "updated";
    String recordType = "ticket";
    String recordId = "t-1";
    String parentType;
    String parentId;
    String actorId = "u-1";
    String ip = "10.0.0.1";
    Instant at = BASE;
    Long lsn = 100L;
    Long txOrder = 1L;

    Spec ws(String w) {
      workspace = w;
      return this;
    }

    Spec audit(String t) {
      category = Category.audit;
      type = t;
      recordType = "workspace";
      return this;
    }

    Spec type(String t) {
      type = t;
      return this;
    }

    Spec record(String t, String rid) {
      recordType = t;
      recordId = rid;
      return this;
    }

    Spec parent(String t, String pid) {
      parentType = t;
      parentId = pid;
      return this;
    }

    Spec actor(String a) {
      actorId = a;
      return this;
    }

    Spec ip(String i) {
      ip = i;
      return this;
    }

    Spec minute(int m) {
      at = BASE.plus(Duration.ofMinutes(m));
      return this;
    }

    Spec at(Instant i) {
      at = i;
      return this;
    }

    Spec lsn(Long l) {
      lsn = l;
      return this;
    }

    Spec txOrder(Long t) {
      txOrder = t;
      return this;
    }

    ActivityEvent build() {
      return ActivityEvent.newBuilder()
          .setEventId(id)
          .setChangeId("chg-" + id)
          .setWorkspaceId(workspace)
          .setOccurredAt(at)
          .setProcessedAt(at.plusMillis(120))
          .setCategory(category)
          .setType(type)
          .setRecordType(recordType)
          .setRecordId(recordId)
          .setRecordDisplay(recordType + " " + recordId)
          .setParentRecordType(parentType)
          .setParentRecordId(parentId)
          .setActor(
              Actor.newBuilder()
                  .setType("user")
                  .setId(actorId)
                  .setName("User " + actorId)
                  .setIp(ip)
                  .setSource("context")
                  .build())
          .setTransactionId("tx-" + lsn)
          .setSource(
              SourcePosition.newBuilder()
                  .setConnector("helpdesk")
                  .setSchema$("helpdesk")
                  .setTable(recordType + "s")
                  .setLsn(lsn)
                  .setTxOrder(txOrder)
                  .setTopic("helpdesk.helpdesk." + recordType + "s")
                  .setPartition(0)
                  .setOffset(lsn == null ? 0 : lsn)
                  .build())
          .build();
    }
  }

  static Spec event(String id) {
    Spec spec = new Spec();
    spec.id = id;
    return spec;
  }

  static List<String> ids(List<ActivityEvent> events) {
    return events.stream().map(ActivityEvent::getEventId).toList();
  }

  static void insert(ClickHouse ch, String database, List<ActivityEvent> events) {
    ch.insert(database + ".activity", ActivityRows.COLUMNS, ActivityRows.toJsonEachRow(events));
  }

  private static long orMissing(Long value) {
    return value == null ? -1L : value;
  }
}
