package io.activitytrail.flink.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContractRecordSerializerTest {

  private static final long NOW = Instant.parse("2026-12-04T12:00:00Z").toEpochMilli();

  @Test
  @DisplayName("a record's Kafka timestamp is the event's commit time")
  void commitTime() {
    Instant occurredAt = Instant.parse("2026-12-04T11:59:58.123Z");

    assertThat(ContractRecordSerializer.recordTimestamp(occurredAt, NOW))
        .isEqualTo(occurredAt.toEpochMilli());
  }

  @Test
  @DisplayName(
      "a commit time the producer or broker would refuse (before 1970, far ahead) leaves the"
          + " timestamp to the producer, so the sink does not fail")
  void outOfRange() {
    assertThat(ContractRecordSerializer.recordTimestamp(Instant.parse("0001-01-01T00:00:00Z"), NOW))
        .isNull();
    assertThat(ContractRecordSerializer.recordTimestamp(Instant.parse("1969-12-31T23:59:59Z"), NOW))
        .isNull();
    assertThat(ContractRecordSerializer.recordTimestamp(Instant.parse("9999-12-31T23:59:59Z"), NOW))
        .isNull();
    assertThat(ContractRecordSerializer.recordTimestamp(Instant.parse("2026-12-04T12:00:30Z"), NOW))
        .as("a clock a few seconds ahead is kept")
        .isEqualTo(Instant.parse("2026-12-04T12:00:30Z").toEpochMilli());
  }
}
