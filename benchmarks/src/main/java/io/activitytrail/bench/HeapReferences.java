package io.activitytrail.bench;

import io.activitytrail.flink.reference.ReferenceStore;
import io.activitytrail.flink.reference.References;
import java.util.HashMap;
import java.util.Map;

/**
 * One workspace's references in hash maps: what the job's heap state backend holds for the
 * normalizer, without Flink's per-access serialization of keys.
 */
final class HeapReferences implements ReferenceStore {
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
