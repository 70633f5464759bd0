package io.activitytrail.flink.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.clickhouse.sink.PipelineMetrics.Reason;
import io.activitytrail.flink.decode.DecodeException;
import io.activitytrail.flink.decode.UnmappedTableException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReasonsTest {

  @Test
  @DisplayName("an unmapped table, a broken record and anything else are three reason classes")
  void classes() {
    assertThat(Reasons.of(new UnmappedTableException("table helpdesk.x is not in the mapping")))
        .isEqualTo(Reason.UNMAPPED_TABLE);
    assertThat(Reasons.of(new DecodeException("missing field 'op'")))
        .isEqualTo(Reason.INVALID_RECORD);
    assertThat(Reasons.of(new NullPointerException())).isEqualTo(Reason.UNEXPECTED);
  }
}
