package io.activitytrail.flink.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.flink.decode.ColumnValue;
import io.activitytrail.flink.decode.ColumnValue.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FieldDifferTest {

  private static List<FieldDiff> diff(ColumnValue before, ColumnValue after) {
    return FieldDiffer.diff(row(before), row(after), List.of(), List.of());
  }

  private static Map<String, ColumnValue> row(ColumnValue value) {
    Map<String, ColumnValue> row = new LinkedHashMap<>();
    row.put("c", value);
    return row;
  }

  @Test
  @DisplayName("null to value and value to null are changes with a null side")
  void nullTransitions() {
    ColumnValue five = ColumnValue.of(Kind.NUMBER, "5");

    assertThat(diff(ColumnValue.NULL, five)).containsExactly(new FieldDiff("c", null, "5", false));
    assertThat(diff(five, ColumnValue.NULL)).containsExactly(new FieldDiff("c", "5", null, false));
    assertThat(diff(ColumnValue.NULL, ColumnValue.NULL)).isEmpty();
  }

  @Test
  @DisplayName("decimals compare as exact text: 0.1 + 0.2 style rounding never hides a change")
  void decimals() {
    assertThat(diff(ColumnValue.of(Kind.TEXT, "0.30"), ColumnValue.of(Kind.TEXT, "0.30")))
        .isEmpty();
    assertThat(
            diff(
                ColumnValue.of(Kind.TEXT, "12345678901234567.10"),
                ColumnValue.of(Kind.TEXT, "12345678901234567.11")))
        .containsExactly(new FieldDiff("c", "12345678901234567.10", "12345678901234567.11", false));
  }

  @Test
  @DisplayName("timestamps keep sub-millisecond changes visible")
  void timestamps() {
    assertThat(
            diff(
                ColumnValue.of(Kind.TIMESTAMP, "2025-11-25T19:46:40.123Z"),
                ColumnValue.of(Kind.TIMESTAMP, "2025-11-25T19:46:40.123001Z")))
        .hasSize(1);
  }

  @Test
  @DisplayName("JSON compares as trees: key order and whitespace are no change")
  void json() {
    assertThat(
            diff(
                ColumnValue.of(Kind.JSON, "{\"a\":1,\"b\":[1,2]}"),
                ColumnValue.of(Kind.JSON, "{\"b\":[1,2],\"a\":1}")))
        .isEmpty();
    assertThat(
            diff(ColumnValue.of(Kind.JSON, "{\"a\":1}"), ColumnValue.of(Kind.JSON, "{\"a\":1.5}")))
        .containsExactly(new FieldDiff("c", "{\"a\":1}", "{\"a\":1.5}", false));
  }

  @Test
  @DisplayName("binary compares decoded bytes, not array references")
  void binary() {
    assertThat(
            diff(ColumnValue.of(Kind.BINARY, "3q2+7w=="), ColumnValue.of(Kind.BINARY, "3q2+7w==")))
        .isEmpty();
    assertThat(
            diff(ColumnValue.of(Kind.BINARY, "3q2+7w=="), ColumnValue.of(Kind.BINARY, "3q2+7A==")))
        .containsExactly(new FieldDiff("c", "3q2+7w==", "3q2+7A==", false));
  }

  @Test
  @DisplayName("booleans flip as text true/false")
  void booleans() {
    assertThat(diff(ColumnValue.of(Kind.BOOLEAN, "true"), ColumnValue.of(Kind.BOOLEAN, "false")))
        .containsExactly(new FieldDiff("c", "true", "false", false));
  }

  @Test
  @DisplayName("an unchanged TOAST value (placeholder) is never a change")
  void toast() {
    assertThat(diff(ColumnValue.of(Kind.TEXT, "long body"), ColumnValue.UNAVAILABLE)).isEmpty();
    assertThat(diff(ColumnValue.UNAVAILABLE, ColumnValue.UNAVAILABLE)).isEmpty();
  }

  @Test
  @DisplayName("ignored columns are skipped; sensitive ones are changed with no values")
  void ignoredAndSensitive() {
    Map<String, ColumnValue> before = new LinkedHashMap<>();
    before.put("updated_at", ColumnValue.of(Kind.TIMESTAMP, "2025-01-01T00:00:00.000Z"));
    before.put("password_hash", ColumnValue.of(Kind.TEXT, "$2a$old"));
    before.put("name", ColumnValue.of(Kind.TEXT, "Ada"));
    Map<String, ColumnValue> after = new LinkedHashMap<>(before);
    after.put("updated_at", ColumnValue.of(Kind.TIMESTAMP, "2025-01-02T00:00:00.000Z"));
    after.put("password_hash", ColumnValue.of(Kind.TEXT, "$2a$new"));

    assertThat(FieldDiffer.diff(before, after, List.of("updated_at"), List.of("password_hash")))
        .containsExactly(new FieldDiff("password_hash", null, null, true));
  }
}
