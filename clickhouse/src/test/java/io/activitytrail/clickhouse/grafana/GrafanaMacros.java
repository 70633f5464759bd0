package io.activitytrail.clickhouse.grafana;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Expands a panel's SQL the way Grafana and the ClickHouse data source plugin do before sending it,
 * so the test can run what Grafana would run. Hand-written because neither can run here (Go
 * backend, TypeScript front end, no Grafana install): it follows the plugin's pkg/macros/macros.go
 * ($__timeFilter, $__timeFilter_ms, $__dateFilter, $__fromTime, $__toTime, $__fromTime_ms,
 * $__toTime_ms, $__timeInterval, $__timeInterval_ms, $__interval_s), its front end's
 * $__conditionalAll(condition, $variable) (the condition, or 1=1 when the variable is All), and
 * Grafana's variable syntax ($name, ${name}, ${name:singlequote}). A macro it does not know is an
 * error, so a panel cannot pass with a macro left unexpanded.
 */
final class GrafanaMacros {

  /** A dashboard variable's current selection; {@code all} is Grafana's "All". */
  record Variable(List<String> values, boolean all) {}

  private static final Pattern CONDITIONAL_ALL =
      Pattern.compile("\\$__conditionalAll\\((.*?),\\s*\\$\\{?(\\w+)}?\\s*\\)");
  private static final Pattern MACRO = Pattern.compile("\\$__(\\w+)(?:\\(([^)]*)\\))?");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::(\\w+))?}|\\$(\\w+)");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private final Instant from;
  private final Instant to;
  private final Duration interval;
  private final Map<String, Variable> variables;

  GrafanaMacros(Instant from, Instant to, Duration interval, Map<String, Variable> variables) {
    this.from = from;
    this.to = to;
    this.interval = interval;
    this.variables = variables;
  }

  String expand(String sql) {
    String s = replace(CONDITIONAL_ALL, sql, m -> variable(m.group(2)).all() ? "1=1" : m.group(1));
    s = replace(MACRO, s, m -> macro(m.group(1), m.group(2)));
    return replace(VARIABLE, s, this::interpolate);
  }

  private String macro(String name, String args) {
    String column = args == null ? null : args.strip();
    return switch (name) {
      case "timeFilter" ->
          column + " >= " + dateTime(from) + " AND " + column + " <= " + dateTime(to);
      case "timeFilter_ms" ->
          column + " >= " + dateTime64(from) + " AND " + column + " <= " + dateTime64(to);
      case "dateFilter" ->
          column
              + " >= toDate('"
              + DATE.format(from)
              + "') AND "
              + column
              + " <= toDate('"
              + DATE.format(to)
              + "')";
      case "fromTime" -> dateTime(from);
      case "toTime" -> dateTime(to);
      case "fromTime_ms" -> dateTime64(from);
      case "toTime_ms" -> dateTime64(to);
      case "timeInterval" ->
          "toStartOfInterval(toDateTime("
              + column
              + "), INTERVAL "
              + Math.max(1, interval.toSeconds())
              + " second)";
      case "timeInterval_ms" ->
          "toStartOfInterval(toDateTime64("
              + column
              + ", 3), INTERVAL "
              + Math.max(1, interval.toMillis())
              + " millisecond)";
      case "interval_s" -> Long.toString(Math.max(1, interval.toSeconds()));
      case "all" -> "$__all";
      default -> throw new IllegalArgumentException("unknown Grafana macro $__" + name);
    };
  }

  private String interpolate(Matcher m) {
    String name = m.group(1) != null ? m.group(1) : m.group(3);
    if (name.startsWith("__")) {
      throw new IllegalArgumentException("unexpanded Grafana macro $" + name);
    }
    Variable v = variable(name);
    String format = m.group(2);
    if ("singlequote".equals(format)) {
      return v.values().stream()
          .map(x -> "'" + x.replace("'", "\\'") + "'")
          .collect(Collectors.joining(","));
    }
    if (format != null) {
      throw new IllegalArgumentException("unsupported variable format " + format);
    }
    return String.join(",", v.values());
  }

  private Variable variable(String name) {
    Variable v = variables.get(name);
    if (v == null) {
      throw new IllegalArgumentException("the dashboard has no variable $" + name);
    }
    return v;
  }

  private static String dateTime(Instant t) {
    return "toDateTime(" + t.getEpochSecond() + ")";
  }

  private static String dateTime64(Instant t) {
    return "fromUnixTimestamp64Milli(" + t.toEpochMilli() + ")";
  }

  private static String replace(
      Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
