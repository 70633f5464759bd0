package io.activitytrail.clickhouse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns query parameter values into the text ClickHouse binds to {@code {name:Type}} placeholders.
 *
 * <p>ClickHouse reads a parameter value with its <em>escaped</em> text reader (the TSV one), on the
 * server and in chDB alike: a tab or newline ends the value, a backslash starts an escape and
 * {@code \N} means NULL. So values are escaped here, once, for both adapters; a hostile value can
 * only ever become a wrong value, never SQL.
 *
 * <p>Accepted values: {@code null} (bind to a {@code Nullable} type), {@link CharSequence}, {@link
 * Number}, {@link Boolean}, {@link Instant} (as {@code yyyy-MM-dd HH:mm:ss.SSS} UTC, for {@code
 * DateTime64(3, 'UTC')}), and collections of those for {@code Array(...)} placeholders.
 */
public final class QueryParameters {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private QueryParameters() {}

  /** Parameter name to escaped text, in the caller's order. */
  public static Map<String, String> toText(Map<String, ?> params) {
    Map<String, String> text = new LinkedHashMap<>();
    params.forEach(
        (name, value) -> {
          if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                "query parameter name is not an identifier: " + name);
          }
          text.put(name, value == null ? "\\N" : render(value, name));
        });
    return text;
  }

  private static String render(Object value, String name) {
    if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
      return escape(value.toString());
    }
    if (value instanceof Instant instant) {
      return DATE_TIME.format(instant);
    }
    if (value instanceof Collection<?> items) {
      // An Array(...) value is read as an array literal, as is: string elements are quoted, with
      // the
      // same escapes inside the quotes, and the literal as a whole is not escaped again.
      StringBuilder out = new StringBuilder("[");
      for (Object item : items) {
        if (out.length() > 1) {
          out.append(',');
        }
        out.append(arrayElement(item, name));
      }
      return out.append(']').toString();
    }
    throw new IllegalArgumentException(
        "query parameter " + name + " has an unsupported type: " + value.getClass().getName());
  }

  private static String arrayElement(Object item, String name) {
    if (item == null) {
      return "NULL";
    }
    if (item instanceof Number || item instanceof Boolean) {
      return item.toString();
    }
    if (item instanceof Instant instant) {
      return "'" + DATE_TIME.format(instant) + "'";
    }
    if (item instanceof CharSequence text) {
      return "'" + escape(text.toString()).replace("'", "\\'") + "'";
    }
    throw new IllegalArgumentException(
        "query parameter "
            + name
            + " has an unsupported array element: "
            + item.getClass().getName());
  }

  /** Escapes what the escaped text reader treats specially, and nothing else. */
  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\0' -> out.append("\\0");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
