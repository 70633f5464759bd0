package io.activitytrail.flink.decode;

import java.io.Serializable;
import java.util.Map;

/**
 * One column value in canonical text: decimals as sent, timestamps ISO-8601 UTC, JSON compact,
 * binary base64. {@link Kind#UNAVAILABLE} marks an unchanged TOAST value PostgreSQL did not send.
 */
public record ColumnValue(Kind kind, String text) implements Serializable {

  public enum Kind {
    NULL,
    TEXT,
    NUMBER,
    BOOLEAN,
    TIMESTAMP,
    DATE,
    TIME,
    JSON,
    BINARY,
    UNAVAILABLE
  }

  public static final ColumnValue NULL = new ColumnValue(Kind.NULL, null);
  public static final ColumnValue UNAVAILABLE = new ColumnValue(Kind.UNAVAILABLE, null);

  public static ColumnValue of(Kind kind, String text) {
    return new ColumnValue(kind, text);
  }

  public boolean isNull() {
    return kind == Kind.NULL;
  }

  public boolean isUnavailable() {
    return kind == Kind.UNAVAILABLE;
  }

  /** A column of {@code row} as text: null when absent, null or unsent. */
  public static String textIn(Map<String, ColumnValue> row, String column) {
    ColumnValue value = row.get(column);
    return value == null ? null : value.text();
  }
}
