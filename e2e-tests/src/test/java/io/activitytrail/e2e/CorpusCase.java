package io.activitytrail.e2e;

import java.util.List;
import java.util.Map;

/**
 * One raw record of the malformed-input corpus ({@code corpus/cases.yaml}) with what the pipeline
 * must make of it, every placeholder resolved.
 *
 * @param key null for a record without a key
 * @param value null for a tombstone
 * @param repeat how many times the same bytes are written (duplicates)
 * @param reason for a dead letter: a substring of its {@code trail.error.message}
 * @param stage for a dead letter: {@code decode} or {@code clickhouse-sink}
 * @param recorded for a recorded record: the events it must have become
 * @param waitsForPrevious written only once the previous case is on the dead-letter topic: records
 *     without transaction metadata reach the job in no order across topics (docs/normalizer.md), so
 *     a record that depends on another topic's record must not be written before it is handled
 */
record CorpusCase(
    String name,
    String topic,
    byte[] key,
    byte[] value,
    int repeat,
    Expect expect,
    String reason,
    String stage,
    List<Expected> recorded,
    boolean waitsForPrevious) {

  enum Expect {
    /** Visible through the API as the listed events. */
    RECORDED,
    /** On the dead-letter topic, with a reason. */
    DEAD_LETTERED,
    /** Neither: carries nothing to record (a tombstone, an END marker, another app's message). */
    IGNORED
  }

  /**
   * An event the record must have become, found in {@code workspace}'s feed (category activity) or
   * audit log (category audit) by type, record type and record id.
   *
   * @param fields JSON pointers into the API's item ({@code /record_display}), or {@code
   *     change:<field>} for the new value of that field's change, to the expected text; {@code
   *     ~absent} for a change that must not be there
   * @param count how many such events, when it matters (duplicates collapse to one)
   */
  record Expected(
      String workspace,
      String category,
      String type,
      String recordType,
      String recordId,
      Map<String, String> fields,
      Integer count) {}

  @Override
  public String toString() {
    return name;
  }
}
