package io.activitytrail.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.avro.Schema;

/**
 * In-memory edits of a resolved schema, addressed by dotted field paths ({@code source.lsn}), for
 * showing what the compatibility check accepts and rejects.
 */
public final class SchemaEdit {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaEdit() {}

  public static Schema dropField(Schema schema, String path) {
    return edit(schema, tree -> fieldsOf(tree, parentOf(path)).remove(indexOf(tree, path)));
  }

  public static Schema changeFieldType(Schema schema, String path, String typeJson) {
    return edit(schema, tree -> field(tree, path).set("type", json(typeJson)));
  }

  public static Schema removeDefault(Schema schema, String path) {
    return edit(schema, tree -> field(tree, path).remove("default"));
  }

  public static Schema addField(Schema schema, String recordPath, String fieldJson) {
    return edit(schema, tree -> fieldsOf(tree, recordPath).add(json(fieldJson)));
  }

  public static Schema addEnumSymbol(Schema schema, String path, String symbol) {
    return edit(
        schema, tree -> ((ArrayNode) field(tree, path).get("type").get("symbols")).add(symbol));
  }

  public static Schema removeEnumSymbol(Schema schema, String path, String symbol) {
    return edit(
        schema,
        tree -> {
          ArrayNode symbols = (ArrayNode) field(tree, path).get("type").get("symbols");
          for (int i = 0; i < symbols.size(); i++) {
            if (symbols.get(i).asText().equals(symbol)) {
              symbols.remove(i);
              return;
            }
          }
          throw new IllegalArgumentException(path + " has no symbol " + symbol);
        });
  }

  private static Schema edit(Schema schema, Consumer<ObjectNode> change) {
    ObjectNode tree = (ObjectNode) json(schema.toString());
    change.accept(tree);
    return new Schema.Parser().parse(tree.toString());
  }

  private static ObjectNode field(ObjectNode record, String path) {
    return (ObjectNode) fieldsOf(record, parentOf(path)).get(indexOf(record, path));
  }

  private static int indexOf(ObjectNode record, String path) {
    String name = path.substring(path.lastIndexOf('.') + 1);
    ArrayNode fields = fieldsOf(record, parentOf(path));
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).get("name").asText().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no field " + path);
  }

  /**
   * The field list of the record at {@code recordPath} ("" for the top level), inlined on first
   * use.
   */
  private static ArrayNode fieldsOf(ObjectNode record, String recordPath) {
    ObjectNode current = record;
    if (!recordPath.isEmpty()) {
      for (String name : recordPath.split("\\.")) {
        ArrayNode fields = (ArrayNode) current.get("fields");
        JsonNode type = null;
        for (JsonNode f : fields) {
          if (f.get("name").asText().equals(name)) {
            type = f.get("type");
          }
        }
        if (type != null && type.has("items")) {
          type = type.get("items");
        }
        if (!(type instanceof ObjectNode inlined) || !inlined.has("fields")) {
          throw new IllegalArgumentException(recordPath + " is not an inlined record");
        }
        current = inlined;
      }
    }
    return (ArrayNode) current.get("fields");
  }

  private static String parentOf(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
