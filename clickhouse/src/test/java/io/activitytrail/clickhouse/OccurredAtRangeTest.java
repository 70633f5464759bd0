package io.activitytrail.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.activitytrail.event.ActivityEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** V007: the activity table refuses rows its TTL would wrap around, instead of losing them. */
class OccurredAtRangeTest {

  private final ClickHouse ch = TestClickHouse.open();
  private final String db = TestClickHouse.freshDatabase();

  @BeforeEach
  void migrate() {
    ClickHouseMigrations.apply(ch, db);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"0001-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z"})
  @DisplayName("an event outside 1970..2106 is refused as a row error (469), not dropped silently")
  void refusesOutOfRange(String occurredAt) {
    ActivityEvent event = at("e-out", Instant.parse(occurredAt));

    ClickHouseException refused =
        catchThrowableOfType(ClickHouseException.class, () -> insert(event));

    assertThat(refused.code()).isEqualTo(469);
    assertThat(refused.refusesRows()).isTrue();
    assertThat(refused).hasMessageContaining("occurred_at_in_ttl_range");
    assertThat(count()).isZero();
  }

  @Test
  @DisplayName("events from 1970 to the TTL's end are stored")
  void storesInRange() {
    insert(at("e-now", TestEvents.AN_HOUR_AGO));
    insert(at("e-2100", Instant.parse("2100-01-01T00:00:00Z")));

    assertThat(count()).isEqualTo(2);
  }

  private ActivityEvent at(String id, Instant occurredAt) {
    ActivityEvent event = TestEvents.ticketUpdated(id, "ws-range", "t-1", 0, 1);
    event.setOccurredAt(occurredAt);
    return event;
  }

  private void insert(ActivityEvent event) {
    ch.insert(db + ".activity", ActivityRows.COLUMNS, ActivityRows.toJsonEachRow(List.of(event)));
  }

  private long count() {
    return ((Number)
            ch.query("SELECT count() AS n FROM " + db + ".activity", Map.of()).get(0).get("n"))
        .longValue();
  }
}
