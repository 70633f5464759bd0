package io.activitytrail.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/** The current, fully resolved schemas of the contract, as published and as registered. */
public final class ContractSchemas {

  /** Namespace of the contract; the generated classes live in the package of the same name. */
  public static final String NAMESPACE = "io.activitytrail.event";

  /**
   * Added by the code generator ({@code stringType=String}); it tells Java readers which class to
   * build.
   */
  private static final String JAVA_STRING_PROP = "avro.java.string";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ContractSchemas() {}

  /**
   * The current schema of the top-level type {@code name} (e.g. {@code ActivityEvent}), without the
   * Java-only properties the generated classes carry: the published contract is language-neutral,
   * and the binary encoding is the same either way.
   */
  public static Schema current(String name) {
    String className = NAMESPACE + "." + name;
    try {
      return languageNeutral(SpecificData.get().getSchema(Class.forName(className)));
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "no generated class " + className + ": is there a src/main/avro/" + name + ".avsc?", e);
    }
  }

  static Schema languageNeutral(Schema schema) {
    try {
      JsonNode tree = JSON.readTree(schema.toString());
      removeJavaProps(tree);
      return new Schema.Parser().parse(JSON.writeValueAsString(tree));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite schema " + schema.getFullName(), e);
    }
  }

  private static void removeJavaProps(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(JAVA_STRING_PROP);
    }
    node.forEach(ContractSchemas::removeJavaProps);
  }
}
