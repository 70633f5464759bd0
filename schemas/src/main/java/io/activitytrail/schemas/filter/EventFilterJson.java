package io.activitytrail.schemas.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one JSON form of an {@link EventFilter}: an object whose keys are the API's query parameter
 * names ({@link EventFilter#KEYS}), each value a string or a list of strings (any of), e.g. {@code
 * {"type": ["status_changed"], "field": "status", "new": "solved"}}. {@code from}/{@code to} hold
 * one ISO-8601 time with offset, or a date meaning its start in UTC. The same names and values the
 * API takes as query parameters, through {@link #fromParameters}.
 */
public final class EventFilterJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventFilterJson() {}

  /** Parses JSON text; an unknown key or a value of the wrong shape names the key. */
  public static EventFilter parse(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidFilterException("filter", "filter is not JSON: " + e.getOriginalMessage());
    }
    return fromJson(node);
  }

  /** Reads a JSON object (null or JSON null: no filter). */
  public static EventFilter fromJson(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return EventFilter.ALL;
    }
    if (!node.isObject()) {
      throw new InvalidFilterException("filter", "filter must be a JSON object, got " + node);
    }
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      parameters.put(field.getKey(), strings(field.getKey(), field.getValue()));
    }
    return fromParameters(parameters);
  }

  /**
   * Builds a filter from named values, as the API's query string or the JSON form gives them.
   * Unknown names, and several values for {@code from}/{@code to}, are refused naming the key.
   */
  public static EventFilter fromParameters(Map<String, ? extends List<String>> parameters) {
    for (String key : parameters.keySet()) {
      if (!EventFilter.KEYS.contains(key)) {
        throw new InvalidFilterException(
            key, "unknown filter key '" + key + "'; known: " + EventFilter.KEYS);
      }
    }
    return new EventFilter(
        set(parameters, "type"),
        set(parameters, "actor"),
        set(parameters, "record_type"),
        set(parameters, "outcome"),
        set(parameters, "ip"),
        instant(parameters, "from"),
        instant(parameters, "to"),
        set(parameters, "field"),
        set(parameters, "old"),
        set(parameters, "new"));
  }

  /** The filter under its key names, absent keys left out, values sorted. */
  public static Map<String, List<String>> toParameters(EventFilter filter) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    put(out, "type", filter.types());
    put(out, "actor", filter.actors());
    put(out, "record_type", filter.recordTypes());
    put(out, "outcome", filter.outcomes());
    put(out, "ip", filter.ips());
    if (filter.from() != null) {
      out.put("from", List.of(filter.from().toString()));
    }
    if (filter.to() != null) {
      out.put("to", List.of(filter.to().toString()));
    }
    put(out, "field", filter.fields());
    put(out, "old", filter.olds());
    put(out, "new", filter.news());
    return out;
  }

  /** The JSON object: one value as a string, several as a list (what {@link #fromJson} reads). */
  public static ObjectNode toJson(EventFilter filter) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    toParameters(filter)
        .forEach(
            (key, values) -> {
              if (values.size() == 1) {
                out.put(key, values.get(0));
              } else {
                ArrayNode array = out.putArray(key);
                values.forEach(array::add);
              }
            });
    return out;
  }

  /** Compact JSON text of {@link #toJson}. */
  public static String write(EventFilter filter) {
    return toJson(filter).toString();
  }

  /** ISO-8601 time with an offset, or a date meaning its start in UTC (the API's rule). */
  public static Instant instant(String key, String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        throw new InvalidFilterException(
            key,
            key
                + " must be an ISO-8601 time with offset (2025-03-04T10:15:30Z) or a date"
                + " (2025-03-04), got '"
                + value
                + "'");
      }
    }
  }

  private static List<String> strings(String key, JsonNode value) {
    if (value.isTextual()) {
      return List.of(value.asText());
    }
    if (value.isArray()) {
      List<String> out = new ArrayList<>();
      for (JsonNode item : value) {
        if (!item.isTextual()) {
          throw new InvalidFilterException(
              key, key + " must be a string or a list of strings, got " + value);
        }
        out.add(item.asText());
      }
      return out;
    }
    throw new InvalidFilterException(
        key, key + " must be a string or a list of strings, got " + value);
  }

  private static List<String> values(Map<String, ? extends List<String>> parameters, String key) {
    List<String> values = parameters.get(key);
    return values == null ? List.of() : values;
  }

  private static Set<String> set(Map<String, ? extends List<String>> parameters, String key) {
    return new TreeSet<>(values(parameters, key));
  }

  private static Instant instant(Map<String, ? extends List<String>> parameters, String key) {
    List<String> values = values(parameters, key);
    if (values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new InvalidFilterException(key, key + " takes one value, got " + values);
    }
    return instant(key, values.get(0));
  }

  private static void put(Map<String, List<String>> out, String key, Set<String> values) {
    if (!values.isEmpty()) {
      out.put(key, List.copyOf(values));
    }
  }
}
