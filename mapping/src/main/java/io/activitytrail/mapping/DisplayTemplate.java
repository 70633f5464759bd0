package io.activitytrail.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
   * Renders the template, or null when there is none. {@code text} gives a column's value as text;
   * a null (a null or unsent column) renders as empty rather than inventing a value.
   */
  public static String render(String template, Function<String, String> text) {
    if (template == null) {
      return null;
    }
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = text.apply(matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    matcher.appendTail(out);
    return out.toString().strip();
  }
}
