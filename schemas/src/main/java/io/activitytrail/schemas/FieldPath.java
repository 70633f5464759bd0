package io.activitytrail.schemas;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Turns the JSON pointer Avro reports an incompatibility at ({@code /fields/16/type/fields/3/type})
 * into the field names a person recognises ({@code source.lsn}).
 */
final class FieldPath {

  private FieldPath() {}

  static String of(Schema reader, String location) {
    List<String> names = new ArrayList<>();
    Schema schema = reader;
    String[] segments = location.split("/");
    for (int i = 0; i < segments.length && schema != null; i++) {
      String segment = segments[i];
      switch (segment) {
        case "", "type", "name", "symbols", "size" -> {}
        case "fields" -> {
          if (i + 1 >= segments.length || schema.getType() != Schema.Type.RECORD) {
            return String.join(".", names);
          }
          Schema.Field field = schema.getFields().get(Integer.parseInt(segments[++i]));
          names.add(field.name());
          schema = field.schema();
        }
        case "items" -> {
          appendToLast(names, "[]");
          schema = schema.getElementType();
        }
        case "values" -> {
          appendToLast(names, "{}");
          schema = schema.getValueType();
        }
        default -> schema = unionBranch(schema, segment);
      }
    }
    return String.join(".", names);
  }

  private static Schema unionBranch(Schema schema, String segment) {
    if (schema.getType() != Schema.Type.UNION || !segment.chars().allMatch(Character::isDigit)) {
      return schema;
    }
    int index = Integer.parseInt(segment);
    return index < schema.getTypes().size() ? schema.getTypes().get(index) : null;
  }

  private static void appendToLast(List<String> names, String suffix) {
    if (!names.isEmpty()) {
      names.set(names.size() - 1, names.get(names.size() - 1) + suffix);
    }
  }
}
