package io.activitytrail.schemas.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;

/**
 * The logical decoding messages a platform emits with {@code pg_logical_emit_message}: their
 * prefixes and the JSON codec shared by {@link ActorContext} and {@link AuditEvent}, so the helpers
 * that write them and the pipeline that reads them cannot disagree.
 */
public final class ContextMessages {
  /** Transactional: who makes the changes of the transaction it is emitted in. */
  public static final String CONTEXT_PREFIX = "trail.context";

  /** A fact that is not a row change (a login attempt, an export), usually non-transactional. */
  public static final String EVENT_PREFIX = "trail.event";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ContextMessages() {}

  static String write(Object message) {
    try {
      return JSON.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot serialize " + message.getClass().getSimpleName(), e);
    }
  }

  /** The content as a JSON object, or a {@link MessageFormatException} naming the prefix. */
  static ObjectNode object(byte[] content, String prefix) {
    JsonNode json;
    try {
      json = JSON.readTree(content);
    } catch (JsonProcessingException e) {
      throw new MessageFormatException(
          prefix + " content is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MessageFormatException(prefix + " content cannot be read: " + e.getMessage(), e);
    }
    if (json == null || json.isMissingNode()) {
      throw new MessageFormatException(prefix + " content is empty");
    }
    if (!json.isObject()) {
      throw new MessageFormatException(prefix + " content is not a JSON object");
    }
    return (ObjectNode) json;
  }

  /** Scalars as their text, nested values as compact JSON, nulls left out; in the given order. */
  static LinkedHashMap<String, String> texts(ObjectNode node) {
    LinkedHashMap<String, String> texts = new LinkedHashMap<>();
    node.fields().forEachRemaining(field -> putText(texts, field.getKey(), field.getValue()));
    return texts;
  }

  static void putText(LinkedHashMap<String, String> texts, String name, JsonNode value) {
    if (!value.isNull()) {
      texts.put(name, value.isValueNode() ? value.asText() : value.toString());
    }
  }
}
