package io.activitytrail.flink.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.clickhouse.ActivityRows;
import io.activitytrail.clickhouse.CheckpointRows;
import io.activitytrail.clickhouse.ClickHouseException;
import io.activitytrail.clickhouse.NotificationRows;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Notification;
import io.activitytrail.event.SourcePosition;
import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.decode.SourceRef;
import io.activitytrail.flink.source.RawRecord;
import io.activitytrail.integrity.Checkpoint;
import io.activitytrail.integrity.Verifier.SignedInterval;
import io.activitytrail.notifications.email.EmailMessage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record the job could not read, map, normalize or store, with its bytes and why.
 *
 * @param stage where the job gave up on it; says what {@code key} and {@code value} hold
 * @param topic the source record's topic (for a refused row: the event's source position)
 * @param timestamp the source record's Kafka timestamp, null when unknown (refused rows)
 * @param errorClass the exception's class name
 * @param errorCode ClickHouse's error code, null when the error has none
 * @param failedAt when the job gave up on it, epoch millis
 */
public record DeadLetter(
    Stage stage,
    String topic,
    int partition,
    long offset,
    Long timestamp,
    byte[] key,
    byte[] value,
    Map<String, byte[]> headers,
    String errorClass,
    String errorMessage,
    Integer errorCode,
    long failedAt) {

  /** Where a dead letter comes from; its id is the {@code trail.error.stage} header. */
  public enum Stage {
    /** A CDC record that cannot be read or mapped: key and value are the original bytes. */
    DECODE("decode"),
    /**
     * A decoded event normalizing threw on: the original bytes are gone, so key is null and value
     * is the event as JSON ({@link EventJson}); the source position says where the original is.
     */
    NORMALIZE("normalize"),
    /**
     * A row ClickHouse refused: key = event or notification id, value = the row exactly as sent,
     * one JSONEachRow line of its table (ActivityRows, NotificationRows), insertable once fixed.
     */
    CLICKHOUSE_SINK("clickhouse-sink"),
    /**
     * An email the mail server refused for good, or still after every retry: key = Message-ID,
     * value = the email as JSON (to, subject, text, the notification ids it carries).
     */
    EMAIL("email"),
    /**
     * A workspace alert rule that does not parse: key = the rule's id, value = its row as JSON (the
     * columns as committed); the source position is its {@code alert_rule_changed} event's.
     */
    ALERT_RULE("alert-rule");

    private final String id;

    Stage(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /** A CDC record that could not be decoded. */
  public static DeadLetter of(RawRecord record, Throwable error, long failedAt) {
    return new DeadLetter(
        Stage.DECODE,
        record.topic(),
        record.partition(),
        record.offset(),
        record.timestamp(),
        record.key(),
        record.value(),
        record.headers() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(record.headers()),
        error.getClass().getName(),
        String.valueOf(error.getMessage()),
        null,
        failedAt);
  }

  /** A decoded event that normalizing threw on. */
  public static DeadLetter ofEvent(Attributed attributed, Throwable error, long failedAt) {
    SourceRef source = attributed.event().source();
    return new DeadLetter(
        Stage.NORMALIZE,
        source.topic(),
        source.partition(),
        source.offset(),
        EventJson.commitTime(attributed.event()),
        null,
        EventJson.of(attributed),
        new LinkedHashMap<>(),
        error.getClass().getName(),
        String.valueOf(error.getMessage()),
        null,
        failedAt);
  }

  /** An event whose row ClickHouse refused, with ClickHouse's message and code. */
  public static DeadLetter refusedRow(
      ActivityEvent event, ClickHouseException reason, long failedAt) {
    return refused(
        event.getEventId(),
        ActivityRows.toJsonEachRow(List.of(event)),
        event.getSource(),
        reason,
        failedAt);
  }

  /** A notification whose row ClickHouse refused; its source is its activity's. */
  public static DeadLetter refusedNotification(
      Notification notification, ClickHouseException reason, long failedAt) {
    return refused(
        notification.getNotificationId(),
        NotificationRows.toJsonEachRow(List.of(notification)),
        notification.getActivity().getSource(),
        reason,
        failedAt);
  }

  /** A signed checkpoint whose row ClickHouse refused; its source is its newest event's time. */
  public static DeadLetter refusedCheckpoint(
      SignedInterval interval, ClickHouseException reason, long failedAt) {
    Checkpoint c = interval.checkpoint();
    return new DeadLetter(
        Stage.CLICKHOUSE_SINK,
        "integrity_checkpoints",
        0,
        c.number(),
        null,
        (c.workspaceId() + "/" + c.number()).getBytes(StandardCharsets.UTF_8),
        CheckpointRows.toJsonEachRow(List.of(interval)),
        new LinkedHashMap<>(),
        reason.getClass().getName(),
        String.valueOf(reason.getMessage()),
        reason.code() == ClickHouseException.NO_CODE ? null : reason.code(),
        failedAt);
  }

  /** An email that could not be sent, with the mail server's reason. */
  public static DeadLetter failedEmail(
      EmailMessage message, List<Notification> batch, Exception reason, long failedAt) {
    SourcePosition source = batch.get(0).getActivity().getSource();
    Map<String, Object> email = new LinkedHashMap<>();
    email.put("message_id", message.messageId());
    email.put("to", message.to());
    email.put("subject", message.subject());
    email.put("notification_ids", message.notificationIds());
    email.put("text", message.text());
    byte[] value;
    try {
      value = EMAIL_JSON.writeValueAsBytes(email);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an email as JSON", e);
    }
    return new DeadLetter(
        Stage.EMAIL,
        source.getTopic(),
        source.getPartition(),
        source.getOffset(),
        null,
        message.messageId().getBytes(StandardCharsets.UTF_8),
        value,
        new LinkedHashMap<>(),
        reason.getClass().getName(),
        String.valueOf(reason.getMessage()),
        null,
        failedAt);
  }

  /** A workspace rule that does not parse, with the reason. */
  public static DeadLetter invalidRule(
      ActivityEvent change, String row, Exception reason, long failedAt) {
    SourcePosition source = change.getSource();
    return new DeadLetter(
        Stage.ALERT_RULE,
        source.getTopic(),
        source.getPartition(),
        source.getOffset(),
        change.getOccurredAt().toEpochMilli(),
        change.getRecordId().getBytes(StandardCharsets.UTF_8),
        row.getBytes(StandardCharsets.UTF_8),
        new LinkedHashMap<>(),
        reason.getClass().getName(),
        String.valueOf(reason.getMessage()),
        null,
        failedAt);
  }

  private static final ObjectMapper EMAIL_JSON = new ObjectMapper();

  private static DeadLetter refused(
      String id, byte[] row, SourcePosition source, ClickHouseException reason, long failedAt) {
    return new DeadLetter(
        Stage.CLICKHOUSE_SINK,
        source.getTopic(),
        source.getPartition(),
        source.getOffset(),
        null,
        id.getBytes(StandardCharsets.UTF_8),
        row,
        new LinkedHashMap<>(),
        reason.getClass().getName(),
        String.valueOf(reason.getMessage()),
        reason.code() == ClickHouseException.NO_CODE ? null : reason.code(),
        failedAt);
  }
}
