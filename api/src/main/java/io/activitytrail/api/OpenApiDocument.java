package io.activitytrail.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.activitytrail.mapping.Taxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI 3 document, kept as YAML in resources/openapi and served as YAML and JSON, with the
 * {@code Type} and {@code RecordType} enums of the loaded mapping (the file lists the bundled
 * helpdesk mapping's).
 */
public final class OpenApiDocument {

  static final String RESOURCE = "/openapi/openapi.yaml";

  private final byte[] yaml;
  private final byte[] json;

  private OpenApiDocument(byte[] yaml, byte[] json) {
    this.yaml = yaml;
    this.json = json;
  }

  public static OpenApiDocument load(Taxonomy taxonomy) {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      YAMLMapper yamlMapper =
          YAMLMapper.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .build();
      JsonNode tree = yamlMapper.readTree(in.readAllBytes());
      ObjectNode schemas = (ObjectNode) tree.at("/components/schemas");
      enumOf(schemas, "Type", taxonomy.types());
      enumOf(schemas, "RecordType", taxonomy.recordTypes());
      return new OpenApiDocument(
          yamlMapper.writeValueAsBytes(tree), new ObjectMapper().writeValueAsBytes(tree));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static void enumOf(ObjectNode schemas, String schema, Set<String> values) {
    ArrayNode list = ((ObjectNode) schemas.get(schema)).putArray("enum");
    new TreeSet<>(values).forEach(list::add);
  }

  public byte[] yaml() {
    return yaml.clone();
  }

  public byte[] json() {
    return json.clone();
  }
}
