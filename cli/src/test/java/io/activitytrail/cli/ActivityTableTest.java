package io.activitytrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ActivityTableTest {

  @Test
  @DisplayName("changes read as 'field: old -> new', display values first, sensitive ones hidden")
  void changes() {
    List<Map<String, Object>> changes =
        List.of(
            Map.of("field", "status", "old", "open", "new", "pending", "sensitive", false),
            Map.of(
                "field", "assignee_id", "new", "7", "new_display", "Ana Ruiz", "sensitive", false),
            Map.of("field", "password_hash", "old", "a", "new", "b", "sensitive", true));
    assertThat(ActivityTable.changes(changes))
        .isEqualTo("status: open -> pending; assignee_id: - -> Ana Ruiz; password_hash: (changed)");
  }

  @Test
  @DisplayName(
      "a new record's initial values read as 'field=value', display values first, secrets left out")
  void initialValues() {
    List<Map<String, Object>> changes =
        List.of(
            Map.of("field", "subject", "new", "Printer jam", "sensitive", false),
            Map.of("field", "status", "new", "new", "sensitive", false),
            Map.of(
                "field", "assignee_id", "new", "7", "new_display", "Ana Ruiz", "sensitive", false),
            Map.of("field", "password_hash", "sensitive", true));
    assertThat(ActivityTable.changes(changes))
        .isEqualTo("subject=Printer jam, status=new, assignee_id=Ana Ruiz");
  }

  @Test
  @DisplayName("the actor shows as its name, else type:id")
  void actor() {
    assertThat(ActivityTable.actor(Map.of("type", "user", "id", "7", "name", "Ana Ruiz")))
        .isEqualTo("Ana Ruiz");
    assertThat(ActivityTable.actor(Map.of("type", "unattributed", "id", "trail")))
        .isEqualTo("unattributed:trail");
  }

  @Test
  @DisplayName("times show to the second, record with its display name")
  void timeAndRecord() {
    assertThat(ActivityTable.time("2025-03-04T10:15:30.123Z")).isEqualTo("2025-03-04 10:15:30");
    assertThat(
            ActivityTable.record(
                Map.of(
                    "record_type", "ticket", "record_id", "42", "record_display", "#42 Printer")))
        .isEqualTo("ticket 42 (#42 Printer)");
  }
}
