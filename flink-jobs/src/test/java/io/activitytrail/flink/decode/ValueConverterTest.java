package io.activitytrail.flink.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.flink.decode.ColumnValue.Kind;
import io.activitytrail.flink.decode.ValueConverter.FieldType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueConverterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} {1} value {2} -> {3} {4}")
  @DisplayName("Debezium values become canonical text by their Connect type and logical name")
  @CsvSource(
      delimiter = '|',
      value = {
        "string|io.debezium.time.ZonedTimestamp|\"2025-11-25T20:46:40.5+01:00\"|TIMESTAMP|2025-11-25T19:46:40.500Z",
        "int64|io.debezium.time.MicroTimestamp|1764100000123456|TIMESTAMP|2025-11-25T19:46:40.123456Z",
        "int64|io.debezium.time.MicroTimestamp|1764100000123000|TIMESTAMP|2025-11-25T19:46:40.123Z",
        "int64|io.debezium.time.Timestamp|1764100000123|TIMESTAMP|2025-11-25T19:46:40.123Z",
        "int32|io.debezium.time.Date|20417|DATE|2025-11-25",
        "int64|io.debezium.time.MicroTime|45000000000|TIME|12:30",
        "string||\"10.50\"|TEXT|10.50",
        "int64||9007199254740993|NUMBER|9007199254740993",
        "boolean||true|BOOLEAN|true",
        "string|io.debezium.data.Json|\"{\\\"b\\\": [1, 2],  \\\"a\\\": null}\"|JSON|{\"b\":[1,2],\"a\":null}",
        "bytes||\"3q2+7w==\"|BINARY|3q2+7w==",
        "array||[\"x\",\"y\"]|JSON|[\"x\",\"y\"]",
        "double||1.5|NUMBER|1.5",
      })
  void canonical(String type, String name, String json, Kind kind, String text) throws Exception {
    JsonNode value = JSON.readTree(json);

    assertThat(ValueConverter.convert("c", new FieldType(type, name), value))
        .isEqualTo(ColumnValue.of(kind, text));
  }

  @ParameterizedTest(name = "{0} {1}")
  @DisplayName("the TOAST placeholder is unavailable, never a value")
  @CsvSource(
      delimiter = '|',
      value = {
        "string||\"__debezium_unavailable_value\"",
        "bytes||\"X19kZWJleml1bV91bmF2YWlsYWJsZV92YWx1ZQ==\"",
        "array||[\"__debezium_unavailable_value\"]",
        "string|io.debezium.data.Json|\"__debezium_unavailable_value\"",
      })
  void toastPlaceholder(String type, String name, String json) throws Exception {
    assertThat(ValueConverter.convert("c", new FieldType(type, name), JSON.readTree(json)))
        .isEqualTo(ColumnValue.UNAVAILABLE);
  }

  @ParameterizedTest(name = "{0} {1} rejects {2}")
  @DisplayName("values that contradict their schema are decode errors")
  @CsvSource(
      delimiter = '|',
      value = {
        "boolean||\"yes\"",
        "int64||\"12\"",
        "int64||1.5",
        "string|io.debezium.time.ZonedTimestamp|\"yesterday\"",
        "string|io.debezium.data.Json|\"{broken\"",
        "bytes||\"***\"",
      })
  void rejects(String type, String name, String json) throws Exception {
    assertThatThrownBy(
            () -> ValueConverter.convert("col", new FieldType(type, name), JSON.readTree(json)))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("column 'col'");
  }
}
