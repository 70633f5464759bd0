package io.activitytrail.flink.mapping;

import io.activitytrail.flink.decode.ColumnValue;
import io.activitytrail.flink.decode.RowChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Display-name templates: {@code #{number} {subject}} with {@code {column}} placeholders. */
public final class DisplayTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

  private DisplayTemplate() {}

  public static List<String> columns(String template) {
    List<String> columns = new ArrayList<>();
    if (template != null) {
      Matcher matcher = PLACEHOLDER.matcher(template);
      while (matcher.find()) {
        columns.add(matcher.group(1));
      }
    }
    return columns;
  }

  /**
   * Renders the template, or null when there is none. A null or unsent (TOAST) column renders as
   * empty rather than inventing a value.
   */
  public static String render(String template, Map<String, ColumnValue> row) {
    if (template == null) {
      return null;
    }
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      ColumnValue value = row.get(matcher.group(1));
      String text = value == null || value.text() == null ? "" : value.text();
      matcher.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    matcher.appendTail(out);
    return out.toString().strip();
  }

  /**
   * The current row, with columns PostgreSQL did not resend (unchanged TOAST) taken from before.
   */
  public static Map<String, ColumnValue> rowWithUnsentFromBefore(RowChange change) {
    Map<String, ColumnValue> row = new LinkedHashMap<>(change.current());
    row.replaceAll(
        (column, value) ->
            value.isUnavailable() ? change.before().getOrDefault(column, value) : value);
    return row;
  }
}
