package io.activitytrail.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.activitytrail.e2e.CorpusCase.Expect;
import io.activitytrail.e2e.CorpusCase.Expected;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads {@code corpus/cases.yaml}. A case's value is either raw text ({@code value}; {@code value:
 * null} is a tombstone) or a real Debezium record from {@code corpus/envelopes/<envelope>.json}
 * (JsonConverter with schemas, as captured on the local stack) changed by {@code set} (JSON pointer
 * to value) and {@code remove} (JSON pointers). {@code transaction: name} puts a record into a
 * transaction shared by the cases naming it; {@code {$base64: text}} becomes the base64 of the text
 * (message contents); {@code replace} {marker: text}, {@code replace_hex} {marker: hex} and {@code
 * prefix_hex} patch the final bytes (duplicate keys, invalid UTF-8, a BOM). Keys default to what
 * Debezium writes for the topic.
 */
final class Corpus {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private Corpus() {}

  static List<CorpusCase> load(CorpusPlaceholders placeholders) {
    List<CorpusCase> cases = new ArrayList<>();
    for (JsonNode spec : read("corpus/cases.yaml", YAML)) {
      placeholders.nextCase();
      try {
        cases.add(parse(spec, placeholders));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("corpus case " + spec.path("name").asText(), e);
      }
    }
    return cases;
  }

  private static CorpusCase parse(JsonNode spec, CorpusPlaceholders p) {
    String topic = spec.path("topic").asText();
    Expect expect = Expect.valueOf(spec.path("expect").asText().replace('-', '_').toUpperCase());
    List<Expected> recorded = new ArrayList<>();
    for (JsonNode e : spec.path("recorded")) {
      Map<String, String> fields = new LinkedHashMap<>();
      e.path("fields").fields().forEachRemaining(f -> fields.put(f.getKey(), text(f, p)));
      recorded.add(
          new Expected(
              p.text(e.path("workspace").asText("${ws}")),
              e.path("category").asText("activity"),
              e.path("type").asText(),
              e.path("record_type").asText(),
              p.text(e.path("record_id").asText()),
              fields,
              e.hasNonNull("count") ? e.get("count").asInt() : null));
    }
    return new CorpusCase(
        spec.path("name").asText(),
        topic,
        key(spec, topic, p),
        value(spec, topic, p),
        spec.path("repeat").asInt(1),
        expect,
        spec.path("reason").asText(null),
        spec.path("stage").asText("decode"),
        recorded,
        spec.path("waits_for_previous").asBoolean(false));
  }

  private static String text(Map.Entry<String, JsonNode> field, CorpusPlaceholders p) {
    return field.getValue().isNull() ? null : p.text(field.getValue().asText());
  }

  private static byte[] value(JsonNode spec, String topic, CorpusPlaceholders p) {
    byte[] bytes;
    if (spec.has("envelope")) {
      JsonNode envelope = read("corpus/envelopes/" + spec.get("envelope").asText() + ".json", JSON);
      ObjectNode patched = (ObjectNode) envelope.deepCopy();
      if (spec.has("transaction")) {
        inTransaction(patched, topic, spec.get("transaction").asText());
      }
      spec.path("set").fields().forEachRemaining(f -> set(patched, f.getKey(), f.getValue()));
      spec.path("remove").forEach(path -> remove(patched, path.asText()));
      bytes = json(base64(p.resolve(patched)));
    } else if (spec.has("value")) {
      JsonNode value = spec.get("value");
      bytes = value.isNull() ? null : utf8(p.text(value.asText()));
    } else {
      throw new IllegalArgumentException("a case needs envelope or value");
    }
    return patch(spec, bytes);
  }

  /** Puts the record into the named transaction: the id, and the source's txId. */
  private static void inTransaction(ObjectNode envelope, String topic, String name) {
    String id = "${tx:" + name + "}:${lsn}";
    if (topic.endsWith(".transaction")) {
      set(envelope, "/payload/id", text(id));
      return;
    }
    ObjectNode transaction = JsonNodeFactory.instance.objectNode();
    transaction.put("id", id).put("total_order", 1).put("data_collection_order", 1);
    set(envelope, "/payload/transaction", transaction);
    set(envelope, "/payload/source/txId", text("#{tx:" + name + "}"));
  }

  private static byte[] key(JsonNode spec, String topic, CorpusPlaceholders p) {
    if (spec.has("key")) {
      return spec.get("key").isNull() ? null : utf8(p.text(spec.get("key").asText()));
    }
    String name = topic.substring(topic.indexOf('.') + 1);
    String key =
        switch (name) {
          case "transaction" ->
              "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"string\",\"optional\":false,"
                  + "\"field\":\"id\"}],\"optional\":false,\"name\":"
                  + "\"io.debezium.connector.common.TransactionMetadataKey\",\"version\":1},"
                  + "\"payload\":{\"id\":\"${tx}:${lsn}\"}}";
          case "message" ->
              "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"string\",\"optional\":true,"
                  + "\"field\":\"prefix\"}],\"optional\":false,\"name\":"
                  + "\"io.debezium.connector.postgresql.MessageKey\",\"version\":1},"
                  + "\"payload\":{\"prefix\":\"trail.context\"}}";
          default ->
              "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"int64\",\"optional\":false,"
                  + "\"field\":\"id\"}],\"optional\":false,\"name\":\""
                  + topic
                  + ".Key\"},\"payload\":{\"id\":${id}}}";
        };
    return utf8(p.text(key));
  }

  private static byte[] patch(JsonNode spec, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    byte[] out = bytes;
    for (var replace : (Iterable<Map.Entry<String, JsonNode>>) spec.path("replace")::fields) {
      out = replace(out, utf8(replace.getKey()), utf8(replace.getValue().asText()));
    }
    for (var replace : (Iterable<Map.Entry<String, JsonNode>>) spec.path("replace_hex")::fields) {
      out =
          replace(
              out, utf8(replace.getKey()), HexFormat.of().parseHex(replace.getValue().asText()));
    }
    if (spec.has("prefix_hex")) {
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      joined.writeBytes(HexFormat.of().parseHex(spec.get("prefix_hex").asText()));
      joined.writeBytes(out);
      out = joined.toByteArray();
    }
    return out;
  }

  private static byte[] replace(byte[] in, byte[] marker, byte[] with) {
    String latin = new String(in, StandardCharsets.ISO_8859_1);
    String target = new String(marker, StandardCharsets.ISO_8859_1);
    if (!latin.contains(target)) {
      throw new IllegalArgumentException(
          "marker not found: " + new String(marker, StandardCharsets.UTF_8));
    }
    return latin
        .replace(target, new String(with, StandardCharsets.ISO_8859_1))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /** {"$base64": text} objects become the base64 of the text. */
  private static JsonNode base64(JsonNode node) {
    if (node.isObject() && node.size() == 1 && node.has("$base64")) {
      return text(Base64.getEncoder().encodeToString(utf8(node.get("$base64").asText())));
    }
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(f -> copy.set(f.getKey(), base64(f.getValue())));
      return copy;
    }
    return node;
  }

  private static void set(ObjectNode root, String pointer, JsonNode value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1);
    if (parent.isObject()) {
      ((ObjectNode) parent).set(last, value);
    } else if (parent.isArray() && last.equals("-")) {
      ((com.fasterxml.jackson.databind.node.ArrayNode) parent).add(value);
    } else if (parent.isArray()) {
      ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), value);
    } else {
      throw new IllegalArgumentException("no object or array at " + pointer);
    }
  }

  private static void remove(ObjectNode root, String pointer) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1);
    if (parent.isObject() && parent.has(last)) {
      ((ObjectNode) parent).remove(last);
    } else if (parent.isArray()) {
      ((com.fasterxml.jackson.databind.node.ArrayNode) parent).remove(Integer.parseInt(last));
    } else {
      throw new IllegalArgumentException("nothing to remove at " + pointer);
    }
  }

  private static byte[] json(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode text(String text) {
    return JsonNodeFactory.instance.textNode(text);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode read(String resource, ObjectMapper mapper) {
    try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
