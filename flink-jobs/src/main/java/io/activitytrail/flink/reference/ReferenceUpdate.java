package io.activitytrail.flink.reference;

import io.activitytrail.flink.decode.ColumnValue;
import io.activitytrail.flink.decode.Op;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.mapping.DisplayTemplate;
import io.activitytrail.mapping.Mapping;
import io.activitytrail.mapping.TableMapping;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one row change teaches about its workspace: new names of referenced rows, the record's new
 * display, the plan's retention.
 *
 * @param displays {@link References#displayKey} to value
 * @param recordDisplays {@link References#recordKey} to display
 * @param retentionDays null when the change says nothing about retention
 */
public record ReferenceUpdate(
    Map<String, String> displays, Map<String, String> recordDisplays, Integer retentionDays) {

  public static final ReferenceUpdate NONE = new ReferenceUpdate(Map.of(), Map.of(), null);

  /**
   * A deleted row teaches nothing: its last name stays known, so events that still refer to it (an
   * old assignee) show the name it had.
   */
  public static ReferenceUpdate of(RowChange change, TableMapping table, Mapping mapping) {
    if (change.op() == Op.DELETE) {
      return NONE;
    }
    Map<String, ColumnValue> row = change.currentWithUnsentFromBefore();
    Map<String, String> displays = new LinkedHashMap<>();
    Set<String> columns =
        mapping.referencedDisplays().getOrDefault(change.qualifiedTable(), Set.of());
    if (!columns.isEmpty()) {
      String id = table.key().stream().map(k -> text(row, k)).collect(Collectors.joining(","));
      for (String column : columns) {
        ColumnValue value = row.get(column);
        if (value != null && !value.isUnavailable() && !value.isNull()) {
          displays.put(References.displayKey(change.qualifiedTable(), column, id), value.text());
        }
      }
    }
    Map<String, String> records = new LinkedHashMap<>();
    if (table.display() != null && table.rowsAreRecords()) {
      records.put(
          References.recordKey(table.recordType(), text(row, table.recordIdColumn())),
          DisplayTemplate.render(table.display(), column -> ColumnValue.textIn(row, column)));
    }
    return new ReferenceUpdate(displays, records, retention(table, row));
  }

  private static Integer retention(TableMapping table, Map<String, ColumnValue> row) {
    if (table.retentionColumn() == null) {
      return null;
    }
    String text = text(row, table.retentionColumn());
    try {
      return text == null ? null : Integer.valueOf(text);
    } catch (NumberFormatException e) {
      // a retention the table cannot express leaves the last known one in force
      return null;
    }
  }

  private static String text(Map<String, ColumnValue> row, String column) {
    ColumnValue value = row.get(column);
    return value == null ? null : value.text();
  }
}
