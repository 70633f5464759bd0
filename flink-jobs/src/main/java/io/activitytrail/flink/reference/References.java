package io.activitytrail.flink.reference;

/**
 * What the normalizer knows about one workspace's reference rows when it classifies a change: the
 * names of referenced rows, the display of records, the plan's retention. Values are as last seen
 * in the change stream, so an event shows the name a person had when the change happened.
 */
public interface References {
  /** Knows nothing: every lookup is null. */
  References NONE =
      new References() {
        @Override
        public String display(String table, String column, String id) {
          return null;
        }

        @Override
        public String recordDisplay(String recordType, String recordId) {
          return null;
        }

        @Override
        public Integer retentionDays() {
          return null;
        }
      };

  /**
   * The value of {@code column} in row {@code id} of {@code table} (schema.table); null if unknown.
   */
  String display(String table, String column, String id);

  /** A record's display name (a ticket's {@code #<number> <subject>}); null if unknown. */
  String recordDisplay(String recordType, String recordId);

  /** The workspace plan's retention in days; null if the workspace row was not seen. */
  Integer retentionDays();

  static String displayKey(String table, String column, String id) {
    return table + "|" + column + "|" + id;
  }

  static String recordKey(String recordType, String recordId) {
    return recordType + "|" + recordId;
  }
}
