package io.activitytrail.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The query parameters of a request, each possibly repeated. */
public final class QueryString {

  private final Map<String, List<String>> values;

  private QueryString(Map<String, List<String>> values) {
    this.values = values;
  }

  public static QueryString parse(String raw) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq), "query");
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    }
    return new QueryString(values);
  }

  /** A misspelt parameter (types=, user=) would silently widen the result: refuse it instead. */
  public void allowOnly(Set<String> names) {
    for (String name : values.keySet()) {
      if (!names.contains(name)) {
        throw new BadParameter(
            name, "unknown parameter '" + name + "'; this endpoint takes " + sorted(names));
      }
    }
  }

  /** The one value of a parameter, null when absent; given twice or empty is an error. */
  public String single(String name) {
    List<String> list = values.get(name);
    if (list == null) {
      return null;
    }
    if (list.size() > 1) {
      throw new BadParameter(name, name + " may be given once, got " + list.size() + " values");
    }
    if (list.get(0).isEmpty()) {
      throw new BadParameter(name, name + " must not be empty");
    }
    return list.get(0);
  }

  /** All values of a repeatable parameter; empty when absent. */
  public Set<String> all(String name) {
    List<String> list = values.getOrDefault(name, List.of());
    for (String value : list) {
      if (value.isEmpty()) {
        throw new BadParameter(name, name + " must not be empty");
      }
    }
    return new LinkedHashSet<>(list);
  }

  private static String decode(String s, String parameter) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadParameter(parameter, "malformed percent-encoding in " + parameter);
    }
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
