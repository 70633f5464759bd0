package io.activitytrail.flink.classify;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic ids: a replay of the same change yields the same ids, so ClickHouse collapses the
 * duplicates. Snapshot reads share one lsn, hence the primary key in the name.
 */
public final class EventIds {
  private EventIds() {}

  /** Shared by all activities one change implies. */
  public static String changeId(String connector, Long lsn, String table, String primaryKey) {
    return uuid(connector + "|" + lsn + "|" + table + "|" + primaryKey);
  }

  public static String eventId(
      String connector, Long lsn, String table, String primaryKey, int activityIndex) {
    return uuid(connector + "|" + lsn + "|" + table + "|" + primaryKey + "|" + activityIndex);
  }

  /**
   * The workspace-feed copy of an audit event (a successful login is both): derived from the audit
   * event's id, so it is as deterministic and never equal to it.
   */
  public static String feedCopyId(String auditEventId) {
    return uuid(auditEventId + "|feed");
  }

  private static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
