package io.activitytrail.flink.classify;

import static io.activitytrail.flink.Fixtures.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.flink.ActivityJson;
import io.activitytrail.flink.Fixtures;
import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.decode.DebeziumDecoder;
import io.activitytrail.flink.decode.Decoded;
import io.activitytrail.flink.reference.InMemoryReferenceStore;
import io.activitytrail.flink.source.RawRecord;
import io.activitytrail.mapping.Mapping;
import io.activitytrail.schemas.context.ActorContext;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One folder per rule under src/test/resources/golden: {@code input.json} holds a Debezium payload
 * (assembled with its table's schema into a real envelope) or a message payload, the transaction's
 * context if any, and optionally {@code earlier}: changes of the same workspace processed before it
 * (they fill the references: names, record displays, retention; their events are not compared).
 * {@code expected.json} holds the events, compared as JSON trees.
 *
 * <p>Running with {@code -Dgolden.update=true} rewrites the expected files from the actual output
 * (review the diff before committing).
 */
class GoldenCasesTest {
  private static final Mapping MAPPING = Fixtures.mapping();
  private static final DebeziumDecoder DECODER = new DebeziumDecoder(Fixtures.PREFIX, MAPPING);
  private static final Normalizer NORMALIZER = new Normalizer(MAPPING);

  static Stream<Arguments> cases() throws IOException, URISyntaxException {
    Path root = Path.of(GoldenCasesTest.class.getClassLoader().getResource("golden").toURI());
    try (Stream<Path> dirs = Files.list(root)) {
      List<Path> sorted = dirs.filter(Files::isDirectory).sorted().toList();
      return sorted.stream().map(dir -> Arguments.of(dir.getFileName().toString(), dir));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("golden case")
  void golden(String name, Path dir) throws IOException {
    JsonNode input = JSON.readTree(dir.resolve("input.json").toFile());

    List<ActivityEvent> events = run(input);

    if (Boolean.getBoolean("golden.update")) {
      Path source = Path.of("src/test/resources/golden", name, "expected.json");
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      DefaultPrettyPrinter printer =
          new DefaultPrettyPrinter()
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
              .withObjectIndenter(indenter)
              .withArrayIndenter(indenter);
      Files.writeString(
          source, JSON.writer(printer).writeValueAsString(ActivityJson.toJson(events)) + "\n");
    }
    JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
    assertThat(ActivityJson.toJson(events))
        .as("%s: %s", name, input.path("description").asText())
        .isEqualTo(expected);
    assertThat(events.stream().map(ActivityEvent::getChangeId).distinct().count())
        .as("all activities of one change share its change id")
        .isLessThanOrEqualTo(1);
    assertThat(events).extracting(ActivityEvent::getEventId).doesNotHaveDuplicates();
    assertThat(run(input))
        .extracting(ActivityEvent::getEventId)
        .as("a replay yields the same ids")
        .containsExactlyElementsOf(events.stream().map(ActivityEvent::getEventId).toList());
  }

  private static List<ActivityEvent> run(JsonNode input) throws IOException {
    Instant processedAt = Instant.parse("2025-11-25T20:00:00Z");
    InMemoryReferenceStore references = new InMemoryReferenceStore();
    for (JsonNode earlier : input.path("earlier")) {
      NORMALIZER.normalize(attributed(earlier), references, processedAt);
    }
    return NORMALIZER.normalize(attributed(input), references, processedAt);
  }

  private static Attributed attributed(JsonNode input) throws IOException {
    if (input.has("message")) {
      ObjectNode envelope = JSON.createObjectNode();
      envelope.set("schema", JSON.readTree(Fixtures.bytes("schemas/message.json")));
      envelope.set("payload", input.get("message"));
      Decoded decoded =
          DECODER
              .decode(raw(Fixtures.MESSAGE_TOPIC, JSON.writeValueAsBytes(envelope)))
              .orElseThrow();
      return new Attributed(decoded, null);
    }
    String table = input.get("table").asText();
    byte[] value = Fixtures.envelope(table, (ObjectNode) input.get("payload"));
    Decoded change = DECODER.decode(raw("helpdesk.helpdesk." + table, value)).orElseThrow();
    ActorContext context =
        input.hasNonNull("context")
            ? DebeziumDecoder.context(JSON.writeValueAsBytes(input.get("context")))
            : null;
    return new Attributed(change, context);
  }

  private static RawRecord raw(String topic, byte[] value) {
    return new RawRecord(topic, 0, 100, 0L, null, value, new LinkedHashMap<>());
  }
}
