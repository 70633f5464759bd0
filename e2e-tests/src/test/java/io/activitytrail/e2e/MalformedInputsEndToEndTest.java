package io.activitytrail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.e2e.CorpusCase.Expect;
import io.activitytrail.e2e.CorpusCase.Expected;
import io.activitytrail.e2e.DeadLetterTopic.Letter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of malformed and unexpected records ({@code corpus/cases.yaml}) written straight to
 * the topics Debezium writes, on the real stack: each is recorded as expected or dead-lettered with
 * its bytes and a reason, the job never stops, and a change written through PostgreSQL afterwards
 * still arrives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class MalformedInputsEndToEndTest {
  private static final Duration WITHIN = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();
  // What Flink logs when the job fails or restarts (ExecutionGraph state changes).
  private static final Pattern JOB_LEFT_RUNNING =
      Pattern.compile("Job trail-normalizer \\(\\w+\\) switched from state RUNNING to (\\w+)");

  private E2eStack stack;
  private TrailApi api;
  private DeadLetterTopic deadLetters;
  private List<CorpusCase> cases;
  private final Map<CorpusCase, List<RecordMetadata>> written = new IdentityHashMap<>();
  private long engineLogStart;
  private Instant deadline;

  @BeforeAll
  void writeCorpus() throws Exception {
    stack = E2eStack.shared();
    api = new TrailApi(stack.apiUrl());
    assertJobRunning();
    engineLogStart = Files.size(stack.engineLog());
    deadLetters = new DeadLetterTopic(stack.kafkaBootstrap());
    String run = UUID.randomUUID().toString().substring(0, 8);
    long base = 1_000_000_000_000L + System.currentTimeMillis() / 1_000 % 1_000_000 * 1_000_000;
    cases =
        Corpus.load(new CorpusPlaceholders("e2e-corpus-" + run, base, System.currentTimeMillis()));
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      RecordMetadata previous = null;
      for (CorpusCase c : cases) {
        if (c.waitsForPrevious() && previous != null) {
          deadLetters.await(
              previous.topic(),
              previous.partition(),
              previous.offset(),
              Instant.now().plus(WITHIN));
        }
        List<RecordMetadata> sent = new ArrayList<>();
        for (int i = 0; i < c.repeat(); i++) {
          sent.add(producer.send(new ProducerRecord<>(c.topic(), c.key(), c.value())).get());
        }
        written.put(c, sent);
        previous = sent.isEmpty() ? previous : sent.get(0);
      }
    }
    deadline = Instant.now().plus(WITHIN);
  }

  @AfterAll
  void close() {
    if (deadLetters != null) {
      deadLetters.close();
    }
  }

  Stream<CorpusCase> corpus() {
    return cases.stream();
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  @DisplayName("each malformed or unexpected record is recorded as expected or dead-lettered")
  void eachCase(CorpusCase c) throws Exception {
    switch (c.expect()) {
      case RECORDED -> assertRecorded(c);
      case DEAD_LETTERED -> assertDeadLettered(c);
      case IGNORED -> assertIgnored(c);
    }
    assertJobRunning();
  }

  @Order(2)
  @Test
  @DisplayName(
      "after the corpus the job has never left RUNNING, and a change written through PostgreSQL"
          + " arrives")
  void jobKeepsRunning() throws Exception {
    String ws = "e2e-corpus-after-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> pg = stack.postgres();
    try (Connection c =
            DriverManager.getConnection(pg.get("url"), pg.get("user"), pg.get("password"));
        PreparedStatement workspace =
            c.prepareStatement(
                "insert into helpdesk.workspaces (id, name, plan, retention_days)"
                    + " values (?, 'After the corpus', 'team', 30)");
        PreparedStatement ticket =
            c.prepareStatement(
                "insert into helpdesk.tickets (workspace_id, number, subject)"
                    + " values (?, 1, 'written after the corpus')")) {
      workspace.setString(1, ws);
      workspace.executeUpdate();
      ticket.setString(1, ws);
      ticket.executeUpdate();
    }

    api.awaitFeed(
        ws,
        items ->
            items.stream()
                .anyMatch(
                    a -> a.path("record_display").asText().equals("#1 written after the corpus")),
        WITHIN,
        "the ticket written through PostgreSQL after the corpus");

    assertJobRunning();
    assertThat(jobStateChangesSinceStart())
        .as("the job's state changes in the engine log since the corpus was written")
        .isEmpty();
  }

  private void assertRecorded(CorpusCase c) {
    for (Expected e : c.recorded()) {
      List<JsonNode> found = awaitEvents(e);
      assertThat(found)
          .as("%s: %s %s %s", e.category(), e.type(), e.recordType(), e.recordId())
          .isNotEmpty();
      if (e.count() != null) {
        assertThat(found).as("events of %s %s", e.recordType(), e.recordId()).hasSize(e.count());
      }
      e.fields().forEach((field, expected) -> assertField(found.get(0), field, expected));
    }
    for (RecordMetadata m : written.get(c)) {
      assertThat(deadLetters.now(m.topic(), m.partition(), m.offset())).isEmpty();
    }
  }

  private void assertDeadLettered(CorpusCase c) throws IOException {
    RecordMetadata m = written.get(c).get(0);
    List<Letter> letters = deadLetters.await(m.topic(), m.partition(), m.offset(), deadline);
    assertThat(letters)
        .as("dead letters of '%s' (%s@%d)", c.name(), m.topic(), m.offset())
        .isNotEmpty();
    Letter letter = letters.get(0);
    assertThat(letter.header("trail.error.stage")).isEqualTo(c.stage());
    assertThat(letter.header("trail.error.message")).contains(c.reason());
    assertThat(letter.header("trail.failed.at")).isNotBlank();
    if (c.stage().equals("decode")) {
      assertThat(letter.value()).as("the original value").isEqualTo(c.value());
      assertThat(letter.key()).as("the original key").isEqualTo(c.key());
      assertThat(letter.header("trail.source.timestamp")).isEqualTo(Long.toString(m.timestamp()));
    } else {
      JsonNode row = JSON.readTree(letter.value());
      assertThat(row.path("source_offset").asLong()).isEqualTo(m.offset());
      assertThat(new String(letter.key(), StandardCharsets.UTF_8))
          .isEqualTo(row.path("event_id").asText());
      assertThat(letter.header("trail.error.code")).matches("\\d+");
    }
  }

  /**
   * Nothing to record and no dead letter: checked once the next record on the same topic has been
   * handled, since the job reads a partition in order.
   */
  private void assertIgnored(CorpusCase c) throws Exception {
    int index = cases.indexOf(c);
    CorpusCase next =
        cases.subList(index + 1, cases.size()).stream()
            .filter(later -> later.topic().equals(c.topic()) && later.expect() != Expect.IGNORED)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no later case on " + c.topic()));
    if (next.expect() == Expect.RECORDED) {
      assertRecorded(next);
    } else {
      assertDeadLettered(next);
    }
    for (RecordMetadata m : written.get(c)) {
      assertThat(deadLetters.now(m.topic(), m.partition(), m.offset())).isEmpty();
    }
  }

  private List<JsonNode> awaitEvents(Expected e) {
    List<JsonNode> found = List.of();
    do {
      List<JsonNode> items =
          e.category().equals("audit") ? api.audit(e.workspace()) : api.feed(e.workspace(), 500);
      found =
          items.stream()
              .filter(a -> a.path("category").asText().equals(e.category()))
              .filter(a -> a.path("type").asText().equals(e.type()))
              .filter(a -> a.path("record_type").asText().equals(e.recordType()))
              .filter(a -> a.path("record_id").asText().equals(e.recordId()))
              .toList();
      if (!found.isEmpty()) {
        return found;
      }
      TrailApi.sleep(250);
    } while (Instant.now().isBefore(deadline));
    return found;
  }

  /** {@code /json/pointer} into the item, or {@code change:<field>}: that change's new value. */
  private static void assertField(JsonNode item, String field, String expected) {
    if (field.startsWith("change:")) {
      String name = field.substring("change:".length());
      List<JsonNode> changes = new ArrayList<>();
      item.path("changes")
          .forEach(
              ch -> {
                if (ch.path("field").asText().equals(name)) {
                  changes.add(ch);
                }
              });
      if ("~absent".equals(expected)) {
        assertThat(changes).as("change of %s", name).isEmpty();
        return;
      }
      assertThat(changes).as("change of %s in %s", name, item.path("changes")).hasSize(1);
      assertThat(changes.get(0).path("new").asText()).as(field).isEqualTo(expected);
      return;
    }
    JsonNode value = item.at(field);
    assertThat(value.isMissingNode() || value.isNull() ? null : value.asText())
        .as(field)
        .isEqualTo(expected);
  }

  private void assertJobRunning() {
    TrailApi.Answer health = api.send("GET", "/health", null);
    assertThat(health.json().path("job").asText()).as(health.body()).isEqualTo("RUNNING");
  }

  private List<String> jobStateChangesSinceStart() throws IOException {
    List<String> changes = new ArrayList<>();
    try (RandomAccessFile log = new RandomAccessFile(stack.engineLog().toFile(), "r")) {
      log.seek(engineLogStart);
      for (String line = log.readLine(); line != null; line = log.readLine()) {
        if (JOB_LEFT_RUNNING.matcher(line).find()) {
          changes.add(line);
        }
      }
    }
    return changes;
  }

  private KafkaProducer<byte[], byte[]> producer() {
    Properties settings = new Properties();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    // the 1 MB case; the broker takes up to its default message.max.bytes (~1 MiB)
    settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576);
    return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
