package io.activitytrail.clickhouse.sink;

import io.activitytrail.clickhouse.ActivityRows;
import io.activitytrail.clickhouse.CheckpointRows;
import io.activitytrail.clickhouse.NotificationRows;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Notification;
import io.activitytrail.integrity.Verifier.SignedInterval;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What the sink writes and where: the table, its columns, and the rows as JSONEachRow. Each table
 * the job writes has one, next to its row definition in the clickhouse module.
 */
public interface RowFormat<T> extends Serializable {

  /** The table in the sink's database. */
  String table();

  List<String> columns();

  byte[] toJsonEachRow(List<T> rows);

  /** How logs name one row, e.g. {@code event 6f1c...}. */
  String describe(T row);

  /** When the change behind the row was committed in the platform's database (for the lag). */
  Instant committedAt(T row);

  /** Activities and audit events into {@code activity} ({@link ActivityRows}). */
  RowFormat<ActivityEvent> ACTIVITIES =
      new RowFormat<>() {
        @Override
        public String table() {
          return "activity";
        }

        @Override
        public List<String> columns() {
          return ActivityRows.COLUMNS;
        }

        @Override
        public byte[] toJsonEachRow(List<ActivityEvent> rows) {
          return ActivityRows.toJsonEachRow(rows);
        }

        @Override
        public String describe(ActivityEvent row) {
          return "event " + row.getEventId();
        }

        @Override
        public Instant committedAt(ActivityEvent row) {
          return row.getOccurredAt();
        }
      };

  /** In-app notifications into {@code notification} ({@link NotificationRows}). */
  RowFormat<Notification> NOTIFICATIONS =
      new RowFormat<>() {
        @Override
        public String table() {
          return "notification";
        }

        @Override
        public List<String> columns() {
          return NotificationRows.COLUMNS;
        }

        @Override
        public byte[] toJsonEachRow(List<Notification> rows) {
          return NotificationRows.toJsonEachRow(rows);
        }

        @Override
        public String describe(Notification row) {
          return "notification " + row.getNotificationId();
        }

        @Override
        public Instant committedAt(Notification row) {
          return row.getActivity().getOccurredAt();
        }
      };

  /** Signed checkpoints into {@code integrity_checkpoints} ({@link CheckpointRows}). */
  RowFormat<SignedInterval> CHECKPOINTS =
      new RowFormat<>() {
        @Override
        public String table() {
          return "integrity_checkpoints";
        }

        @Override
        public List<String> columns() {
          return CheckpointRows.COLUMNS;
        }

        @Override
        public byte[] toJsonEachRow(List<SignedInterval> rows) {
          return CheckpointRows.toJsonEachRow(rows);
        }

        @Override
        public String describe(SignedInterval row) {
          return "checkpoint "
              + row.checkpoint().number()
              + " of "
              + row.checkpoint().workspaceId();
        }

        @Override
        public Instant committedAt(SignedInterval row) {
          return CheckpointRows.committedAt(row);
        }
      };
}
