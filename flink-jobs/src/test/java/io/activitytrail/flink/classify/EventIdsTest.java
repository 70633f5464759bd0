package io.activitytrail.flink.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventIdsTest {

  @Test
  @DisplayName("the same source position yields the same event id (replays collapse)")
  void deterministic() {
    assertThat(EventIds.eventId("helpdesk", 26411776L, "helpdesk.tickets", "42", 0))
        .isEqualTo(EventIds.eventId("helpdesk", 26411776L, "helpdesk.tickets", "42", 0));
  }

  @Test
  @DisplayName(
      "snapshot reads share an lsn but differ by primary key; activities of one change by index")
  void distinct() {
    assertThat(EventIds.eventId("helpdesk", 100L, "helpdesk.tickets", "42", 0))
        .isNotEqualTo(EventIds.eventId("helpdesk", 100L, "helpdesk.tickets", "43", 0))
        .isNotEqualTo(EventIds.eventId("helpdesk", 100L, "helpdesk.tickets", "42", 1))
        .isNotEqualTo(EventIds.eventId("helpdesk", 100L, "helpdesk.assets", "42", 0));
  }

  @Test
  @DisplayName("event ids are name-based (version 3) UUIDs")
  void uuid() {
    assertThat(java.util.UUID.fromString(EventIds.eventId("helpdesk", null, "t", "1", 0)).version())
        .isEqualTo(3);
  }
}
