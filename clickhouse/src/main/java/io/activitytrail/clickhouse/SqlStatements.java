package io.activitytrail.clickhouse;

import java.util.List;
import java.util.stream.Collectors;

/** SQL text built from names (never from values), shared by both adapters. */
public final class SqlStatements {

  private SqlStatements() {}

  /** {@code INSERT INTO db.table (`a`, `b`)}: the statement a stream of rows is sent to. */
  public static String insertInto(String table, List<String> columns) {
    return "INSERT INTO " + qualifiedTable(table) + " " + columnList(columns);
  }

  /** {@code `db`.`table`} from {@code db.table} or {@code table}, each part checked. */
  public static String qualifiedTable(String table) {
    String[] parts = table.split("\\.", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException("table must be table or database.table, got: " + table);
    }
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append('`').append(SqlIdentifiers.require(part, "table name part")).append('`');
    }
    return out.toString();
  }

  /** {@code (`a`, `b`)}, each name checked. */
  public static String columnList(List<String> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("an insert needs at least one column");
    }
    return columns.stream()
        .map(c -> "`" + SqlIdentifiers.require(c, "column name") + "`")
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
