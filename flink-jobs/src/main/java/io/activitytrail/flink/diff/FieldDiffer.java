package io.activitytrail.flink.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.flink.decode.ColumnValue;
import io.activitytrail.flink.decode.ColumnValue.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Column-level differences between the before and after image of a row.
 *
 * <p>Values are compared by meaning, not by reference or float arithmetic: decimals and numbers as
 * their exact text, JSON as parsed trees (so key order and whitespace are no change), binary as
 * decoded bytes. A column PostgreSQL did not send (unchanged TOAST) is never a change. Ignored
 * columns are skipped; sensitive columns are reported as changed without their values.
 */
public final class FieldDiffer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FieldDiffer() {}

  public static List<FieldDiff> diff(
      Map<String, ColumnValue> before,
      Map<String, ColumnValue> after,
      Collection<String> ignored,
      Collection<String> sensitive) {
    Set<String> columns = new LinkedHashSet<>(after.keySet());
    columns.addAll(before.keySet());
    List<FieldDiff> diffs = new ArrayList<>();
    for (String column : columns) {
      if (ignored.contains(column)) {
        continue;
      }
      ColumnValue old = before.getOrDefault(column, ColumnValue.NULL);
      ColumnValue now = after.getOrDefault(column, ColumnValue.NULL);
      if (old.isUnavailable() || now.isUnavailable() || same(old, now)) {
        continue;
      }
      diffs.add(
          sensitive.contains(column)
              ? new FieldDiff(column, null, null, true)
              : new FieldDiff(column, old.text(), now.text(), false));
    }
    return diffs;
  }

  /** Whether two values of one column mean the same. */
  public static boolean same(ColumnValue a, ColumnValue b) {
    if (a.isNull() || b.isNull()) {
      return a.isNull() && b.isNull();
    }
    if (a.kind() == Kind.JSON && b.kind() == Kind.JSON) {
      try {
        return JSON.readTree(a.text()).equals(JSON.readTree(b.text()));
      } catch (JsonProcessingException e) {
        return a.text().equals(b.text());
      }
    }
    if (a.kind() == Kind.BINARY && b.kind() == Kind.BINARY) {
      return Arrays.equals(
          Base64.getDecoder().decode(a.text()), Base64.getDecoder().decode(b.text()));
    }
    return Objects.equals(a.text(), b.text());
  }
}
