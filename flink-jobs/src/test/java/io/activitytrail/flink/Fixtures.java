package io.activitytrail.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activitytrail.flink.source.RawRecord;
import io.activitytrail.mapping.Mapping;
import io.activitytrail.mapping.MappingLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;

/** Named test data: Debezium envelopes captured as files under src/test/resources/fixtures. */
public final class Fixtures {
  public static final String PREFIX = "helpdesk";
  public static final String TICKETS_TOPIC = "helpdesk.helpdesk.tickets";
  public static final String TRANSACTION_TOPIC = "helpdesk.transaction";
  public static final String MESSAGE_TOPIC = "helpdesk.message";
  public static final String TX = "734";
  public static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  public static Mapping mapping() {
    return MappingLoader.load(MappingLoader.BUNDLED);
  }

  public static byte[] bytes(String resource) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RawRecord record(String topic, String fixture, long offset) {
    return new RawRecord(
        topic,
        0,
        offset,
        1_764_100_001_000L,
        null,
        bytes("fixtures/" + fixture),
        new LinkedHashMap<>());
  }

  public static RawRecord record(String topic, String fixture) {
    return record(topic, fixture, 0);
  }

  /** A data-topic envelope assembled from a table's schema file and a payload. */
  public static byte[] envelope(String table, ObjectNode payload) {
    try {
      ObjectNode root = JSON.createObjectNode();
      root.set("schema", JSON.readTree(bytes("schemas/" + table + ".json")));
      root.set("payload", payload);
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
