package io.activitytrail.clickhouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes JSONEachRow, the row format both adapters exchange with ClickHouse. */
public final class JsonEachRow {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectReader ROW_READER = MAPPER.readerFor(LinkedHashMap.class);

  private JsonEachRow() {}

  /** One map per line, columns in the order ClickHouse sent them. */
  public static List<Map<String, Object>> parse(byte[] jsonEachRow) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (jsonEachRow.length == 0) {
      return rows;
    }
    try (MappingIterator<Map<String, Object>> it = ROW_READER.readValues(jsonEachRow)) {
      while (it.hasNextValue()) {
        rows.add(it.nextValue());
      }
    } catch (IOException e) {
      throw new ClickHouseException(
          "ClickHouse returned rows that are not JSONEachRow: " + e.getMessage(),
          ClickHouseException.NO_CODE,
          false,
          e);
    }
    return rows;
  }

  /** One JSON object per line; Jackson escapes newlines inside values, so a row is one line. */
  public static byte[] write(List<? extends Map<String, ?>> rows) {
    StringBuilder out = new StringBuilder(rows.size() * 256);
    try {
      for (Map<String, ?> row : rows) {
        out.append(MAPPER.writeValueAsString(row)).append('\n');
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("row cannot be written as JSON: " + e.getMessage(), e);
    }
    return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
