package io.activitytrail.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activitytrail.schemas.CdcTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The connector JSON a user sends to their own Connect cluster ({@code {"name", "config"}}), with
 * the database settings of the local stack put in.
 */
public record ConnectorDefinition(String name, ObjectNode config) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static ConnectorDefinition read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new StackException("connect", "the connector definition " + file + " is missing");
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      if (!root.path("name").isTextual() || !root.path("config").isObject()) {
        throw new StackException(
            "connect", file + " must be an object with \"name\" (text) and \"config\" (object)");
      }
      return new ConnectorDefinition(root.get("name").asText(), (ObjectNode) root.get("config"));
    } catch (IOException e) {
      throw new StackException("connect", null, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The same definition pointed at the stack's PostgreSQL. */
  public ConnectorDefinition forStack(StackConfig stack) {
    ObjectNode c = config.deepCopy();
    c.put("database.hostname", "127.0.0.1");
    c.put("database.port", Integer.toString(stack.ports().postgres()));
    c.put("database.user", StackConfig.POSTGRES_USER);
    c.put("database.password", StackConfig.POSTGRES_PASSWORD);
    c.put("database.dbname", StackConfig.POSTGRES_DATABASE);
    return new ConnectorDefinition(name, c);
  }

  public String topicPrefix() {
    return config.path("topic.prefix").asText(CdcTopics.DEFAULT_PREFIX);
  }

  /**
   * The topics the connector will write: one per captured table, the transaction topic and the
   * logical-decoding message topic (Debezium's naming: prefix.schema.table, prefix.transaction,
   * prefix.message).
   */
  public Set<String> topics() {
    Set<String> topics = new LinkedHashSet<>();
    String tables = config.path("table.include.list").asText("");
    Arrays.stream(tables.split(","))
        .map(String::trim)
        .filter(t -> !t.isEmpty() && !t.contains("*") && !t.contains("\\"))
        .forEach(t -> topics.add(topicPrefix() + "." + t));
    topics.add(topicPrefix() + ".transaction");
    topics.add(topicPrefix() + ".message");
    return topics;
  }

  public String configJson() {
    return config.toString();
  }
}
