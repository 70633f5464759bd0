package io.activitytrail.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The OpenAPI 3 document, kept as YAML in resources/openapi and served as YAML and JSON. */
public final class OpenApiDocument {

  static final String RESOURCE = "/openapi/openapi.yaml";

  private final byte[] yaml;
  private final byte[] json;

  private OpenApiDocument(byte[] yaml, byte[] json) {
    this.yaml = yaml;
    this.json = json;
  }

  public static OpenApiDocument load() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      byte[] yaml = in.readAllBytes();
      JsonNode tree = new YAMLMapper().readTree(yaml);
      return new OpenApiDocument(yaml, new ObjectMapper().writeValueAsBytes(tree));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  public byte[] yaml() {
    return yaml.clone();
  }

  public byte[] json() {
    return json.clone();
  }
}
