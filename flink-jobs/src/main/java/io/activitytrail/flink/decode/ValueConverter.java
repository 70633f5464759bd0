package io.activitytrail.flink.decode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.flink.decode.ColumnValue.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Turns one Debezium JSON field value into canonical text, guided by the field's Connect schema
 * (type and logical name). A value that contradicts its schema is a data error.
 */
final class ValueConverter {
  static final String UNAVAILABLE_MARKER = "__debezium_unavailable_value";
  private static final String UNAVAILABLE_BASE64 =
      Base64.getEncoder().encodeToString(UNAVAILABLE_MARKER.getBytes());
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ValueConverter() {}

  /** A field's Connect schema: its type and optional logical name. */
  record FieldType(String type, String name) {}

  static ColumnValue convert(String column, FieldType field, JsonNode value) {
    if (value == null || value.isNull()) {
      return ColumnValue.NULL;
    }
    if (isUnavailable(value)) {
      return ColumnValue.UNAVAILABLE;
    }
    String name = field.name() == null ? "" : field.name();
    try {
      return switch (name) {
        case "io.debezium.time.ZonedTimestamp" ->
            ColumnValue.of(Kind.TIMESTAMP, instant(OffsetDateTime.parse(text(value)).toInstant()));
        case "io.debezium.time.Timestamp" ->
            ColumnValue.of(Kind.TIMESTAMP, instant(Instant.ofEpochMilli(integral(value))));
        case "io.debezium.time.MicroTimestamp" -> {
          long micros = integral(value);
          yield ColumnValue.of(
              Kind.TIMESTAMP,
              instant(
                  Instant.ofEpochSecond(
                      Math.floorDiv(micros, 1_000_000L),
                      Math.floorMod(micros, 1_000_000L) * 1000)));
        }
        case "io.debezium.time.NanoTimestamp" -> {
          long nanos = integral(value);
          yield ColumnValue.of(
              Kind.TIMESTAMP,
              instant(
                  Instant.ofEpochSecond(
                      Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L))));
        }
        case "io.debezium.time.Date" ->
            ColumnValue.of(Kind.DATE, LocalDate.ofEpochDay(integral(value)).toString());
        case "io.debezium.time.Time" ->
            ColumnValue.of(
                Kind.TIME, LocalTime.ofNanoOfDay(integral(value) * 1_000_000L).toString());
        case "io.debezium.time.MicroTime" ->
            ColumnValue.of(Kind.TIME, LocalTime.ofNanoOfDay(integral(value) * 1_000L).toString());
        case "io.debezium.time.ZonedTime" -> ColumnValue.of(Kind.TIME, text(value));
        case "io.debezium.data.Json" -> ColumnValue.of(Kind.JSON, compactJson(text(value)));
        default -> byType(field.type(), value);
      };
    } catch (DateTimeParseException | ArithmeticException | IllegalArgumentException e) {
      throw new DecodeException(
          "column '" + column + "' (" + describe(field) + "): cannot read value " + value, e);
    } catch (UnexpectedValue e) {
      throw new DecodeException(
          "column '"
              + column
              + "' ("
              + describe(field)
              + "): expected "
              + e.getMessage()
              + ", got "
              + value.getNodeType()
              + " "
              + value);
    }
  }

  private static ColumnValue byType(String type, JsonNode value) {
    return switch (type == null ? "" : type) {
      case "boolean" -> {
        if (!value.isBoolean()) {
          throw new UnexpectedValue("a boolean");
        }
        yield ColumnValue.of(Kind.BOOLEAN, value.asText());
      }
      case "int8", "int16", "int32", "int64" ->
          ColumnValue.of(Kind.NUMBER, Long.toString(integral(value)));
      case "float", "float32", "float64", "double" -> {
        if (!value.isNumber()) {
          throw new UnexpectedValue("a number");
        }
        yield ColumnValue.of(Kind.NUMBER, value.decimalValue().toPlainString());
      }
      case "string" -> ColumnValue.of(Kind.TEXT, text(value));
      case "bytes" -> {
        byte[] bytes = Base64.getDecoder().decode(text(value));
        yield ColumnValue.of(Kind.BINARY, Base64.getEncoder().encodeToString(bytes));
      }
      case "array", "map", "struct" -> ColumnValue.of(Kind.JSON, value.toString());
      default -> throw new DecodeException("unsupported Connect type '" + type + "'");
    };
  }

  private static boolean isUnavailable(JsonNode value) {
    if (value.isTextual()) {
      String text = value.asText();
      return UNAVAILABLE_MARKER.equals(text) || UNAVAILABLE_BASE64.equals(text);
    }
    // An unchanged TOASTed array arrives as an array holding only the marker.
    return value.isArray() && value.size() == 1 && isUnavailable(value.get(0));
  }

  private static String instant(Instant instant) {
    return (instant.getNano() % 1_000_000 == 0 ? MILLIS : MICROS).format(instant);
  }

  private static long integral(JsonNode value) {
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new UnexpectedValue("an integer");
    }
    return value.longValue();
  }

  private static String text(JsonNode value) {
    if (!value.isTextual()) {
      throw new UnexpectedValue("a string");
    }
    return value.asText();
  }

  private static String compactJson(String text) {
    try {
      return JSON.readTree(text).toString();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON text: " + e.getOriginalMessage(), e);
    }
  }

  private static String describe(FieldType field) {
    return field.name() == null ? field.type() : field.type() + " " + field.name();
  }

  private static final class UnexpectedValue extends RuntimeException {
    UnexpectedValue(String expected) {
      super(expected, null, false, false);
    }
  }
}
