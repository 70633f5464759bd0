package io.activitytrail.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The two calls of the Confluent Schema Registry REST API the serde needs. Apicurio serves the same
 * API under {@code /apis/ccompat/v7}; Confluent Schema Registry, Karapace and Redpanda serve it at
 * their root.
 */
public final class RegistryClient {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryConfig config;
  private final HttpClient http;

  public RegistryClient(RegistryConfig config) {
    this.config = config;
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
  }

  /**
   * Registers {@code schema} under {@code subject} and returns its id. Registering a schema the
   * subject already holds returns the existing id, so this is safe to call on every start.
   */
  public int register(String subject, Schema schema) {
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
    } catch (IOException e) {
      throw new SerializationException("cannot encode the registration request", e);
    }
    HttpRequest request =
        request("/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions")
            .header("Content-Type", CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    JsonNode reply = send(request, "register a schema under subject " + subject);
    if (!reply.path("id").canConvertToInt()) {
      throw new SerializationException(
          "registry " + config.url() + " answered a registration without an id: " + reply);
    }
    return reply.get("id").asInt();
  }

  /** The schema the registry stores under {@code id}. */
  public Schema schemaById(int id) {
    JsonNode reply = send(request("/schemas/ids/" + id).GET().build(), "fetch schema id " + id);
    String text = reply.path("schema").asText(null);
    if (text == null) {
      throw new SerializationException(
          "registry " + config.url() + " answered schema id " + id + " without a schema: " + reply);
    }
    try {
      return new Schema.Parser().parse(text);
    } catch (SchemaParseException e) {
      throw new SerializationException(
          "schema id " + id + " is not an Avro schema: " + e.getMessage(), e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(config.url() + path))
        .timeout(config.timeout())
        .header("Accept", CONTENT_TYPE);
  }

  private JsonNode send(HttpRequest request, String what) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SerializationException(
          "cannot " + what + ": registry " + config.url() + " unreachable (" + e + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SerializationException("interrupted while trying to " + what, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new SerializationException(
          "cannot "
              + what
              + ": registry "
              + config.url()
              + " answered HTTP "
              + response.statusCode()
              + " "
              + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new SerializationException(
          "cannot " + what + ": registry answered with invalid JSON: " + response.body(), e);
    }
  }
}
