package io.activitytrail.flink.reference;

import java.util.HashMap;
import java.util.Map;

/**
 * One workspace's references in hash maps: what the job's keyed state holds for the normalizer,
 * without Flink. Not thread-safe: like a key's state in the job, it is used by one thread.
 *
 * <p>Why in main code: the normalizer's tests and the JMH benchmarks both run it outside Flink. A
 * test-jar would not reach the benchmarks (scripts build with {@code -Dmaven.test.skip=true}, which
 * skips it), and a fixtures module would implement this module's port while this module's tests
 * used it: a dependency cycle.
 */
public final class InMemoryReferenceStore implements ReferenceStore {
  private final Map<String, String> displays = new HashMap<>();
  private final Map<String, String> recordDisplays = new HashMap<>();
  private Integer retentionDays;

  @Override
  public String display(String table, String column, String id) {
    return displays.get(References.displayKey(table, column, id));
  }

  @Override
  public String recordDisplay(String recordType, String recordId) {
    return recordDisplays.get(References.recordKey(recordType, recordId));
  }

  @Override
  public Integer retentionDays() {
    return retentionDays;
  }

  @Override
  public void putDisplay(String key, String value) {
    displays.put(key, value);
  }

  @Override
  public void putRecordDisplay(String key, String value) {
    recordDisplays.put(key, value);
  }

  @Override
  public void putRetentionDays(int days) {
    retentionDays = days;
  }
}
