package io.activitytrail.flink.reference;

import java.util.Map;

/** {@link References} that can learn from row changes; backed by Flink keyed state in the job. */
public interface ReferenceStore extends References {
  void putDisplay(String key, String value);

  void putRecordDisplay(String key, String value);

  void putRetentionDays(int days);

  default void apply(ReferenceUpdate update) {
    for (Map.Entry<String, String> entry : update.displays().entrySet()) {
      putDisplay(entry.getKey(), entry.getValue());
    }
    for (Map.Entry<String, String> entry : update.recordDisplays().entrySet()) {
      putRecordDisplay(entry.getKey(), entry.getValue());
    }
    if (update.retentionDays() != null) {
      putRetentionDays(update.retentionDays());
    }
  }
}
