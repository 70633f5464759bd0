package io.activitytrail.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkspaceLogTest {

  @Test
  @DisplayName(
      "an entry's expiry is commit time plus retention; none without a retention or past the store's millisecond clock")
  void expiry() {
    Instant t = Instant.parse("2026-12-08T10:00:00Z");
    assertThat(WorkspaceLog.expiry(t, 30)).isEqualTo(Instant.parse("2027-01-07T10:00:00Z"));
    assertThat(WorkspaceLog.expiry(t, null)).isNull();
    assertThat(WorkspaceLog.expiry(Instant.ofEpochMilli(Long.MAX_VALUE - 1_000), 30)).isNull();
  }
}
