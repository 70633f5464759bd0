package io.activitytrail.e2e;

import static io.activitytrail.e2e.PlatformDb.exec;
import static io.activitytrail.e2e.PlatformDb.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.cli.Trail;
import io.activitytrail.ingest.context.TrailContext;
import io.activitytrail.schemas.context.ActorContext;
import io.activitytrail.schemas.context.ActorType;
import io.activitytrail.schemas.context.Channel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Tamper evidence on the real stack: helpdesk changes written through PostgreSQL are signed by the
 * engine; then, with the engine killed, its ClickHouse files are changed as someone with access to
 * them could (an event's field updated, one deleted, one forged, one moved to another workspace, a
 * checkpoint deleted); after the restart, {@code trail verify} names each change.
 */
class IntegrityEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WITHIN = Duration.ofSeconds(90);

  private final E2eStack stack = E2eStack.shared();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  @DisplayName(
      "verify says valid for the history as signed, then names a modified, a deleted, a forged and a moved event; a deleted checkpoint shows against a pinned copy")
  void tamperingIsNamed() throws Exception {
    String ws = "e2e-integrity-" + run;
    String other = ws + "-other";
    List<Long> tickets = write(ws, other);
    long events = awaitSigned(ws, 5);
    awaitSigned(other, 1);

    assertThat(checkpointsOnTopic(ws))
        .as("the checkpoints' copy outside the store, on trail.checkpoints")
        .contains(ws + "/1");

    JsonNode valid = verify(ws);
    assertThat(valid.path("verdict").asText()).as(valid.toString()).isEqualTo("valid");
    assertThat(valid.path("events_checked").asLong()).isEqualTo(events);

    // A reader keeps the other workspace's latest checkpoint, as a customer pins it
    java.nio.file.Path pin = java.nio.file.Files.createTempFile("trail-pin-", ".json");
    java.nio.file.Files.writeString(pin, verify(other, null).path("latest_checkpoint").toString());

    List<String> ids = eventIds(ws);
    String modified = ids.get(1);
    String deleted = ids.get(2);
    String moved = ids.get(3);
    List<String> statements =
        List.of(
            "ALTER TABLE trail.activity UPDATE record_display = 'forged display' WHERE event_id = '"
                + modified
                + "' SETTINGS mutations_sync = 2",
            "ALTER TABLE trail.activity DELETE WHERE event_id = '"
                + deleted
                + "' SETTINGS mutations_sync = 2",
            // moved: the row copied under the other workspace, the original removed
            "INSERT INTO trail.activity SELECT * REPLACE ('"
                + other
                + "' AS workspace_id) FROM trail.activity WHERE event_id = '"
                + moved
                + "'",
            "ALTER TABLE trail.activity DELETE WHERE event_id = '"
                + moved
                + "' AND workspace_id = '"
                + ws
                + "' SETTINGS mutations_sync = 2",
            // forged: an event that never happened, a copy of a real one under a new id (filtered
            // in a subquery: a WHERE beside the REPLACE would see the new id, ClickHouse's alias)
            "INSERT INTO trail.activity SELECT * REPLACE ('forged-"
                + run
                + "' AS event_id) FROM (SELECT * FROM trail.activity WHERE event_id = '"
                + ids.get(0)
                + "')",
            // the other workspace's first checkpoint removed
            "ALTER TABLE trail.integrity_checkpoints DELETE WHERE workspace_id = '"
                + other
                + "' AND number = 1 SETTINGS mutations_sync = 2");
    stack.killEngineAndRestartAfter(
        () -> StoreTamper.run(stack.chdbLibrary(), stack.clickHousePath(), statements));

    JsonNode tampered = verify(ws);
    assertThat(tampered.path("verdict").asText()).as(tampered.toString()).isEqualTo("tampered");
    List<String> found = new ArrayList<>();
    tampered
        .path("problems")
        .forEach(p -> found.add(p.path("kind").asText() + " " + p.path("event_id").asText()));
    assertThat(found)
        .as(tampered.toString())
        .containsExactlyInAnyOrder(
            "modified " + modified,
            "deleted " + deleted,
            "moved " + moved,
            "inserted forged-" + run);

    // Its only checkpoint deleted: the store alone cannot tell (nothing later names it, so its
    // events read as not yet signed), the pinned copy can.
    assertThat(verify(other, null).path("verdict").asText()).isEqualTo("incomplete");
    JsonNode pinned = verify(other, pin);
    assertThat(pinned.path("verdict").asText()).as(pinned.toString()).isEqualTo("tampered");
    List<String> otherKinds = new ArrayList<>();
    pinned.path("problems").forEach(p -> otherKinds.add(p.path("kind").asText()));
    assertThat(otherKinds).containsExactly("history_rewritten");
    assertThat(tickets).isNotEmpty();
  }

  // --- the platform's writes ------------------------------------------------------------------

  private List<Long> write(String ws, String other) throws Exception {
    List<Long> tickets = new ArrayList<>();
    try (Connection c = PlatformDb.transaction(stack)) {
      TrailContext.emit(c, ActorContext.builder(ActorType.SYSTEM).channel(Channel.SYSTEM).build());
      for (String w : List.of(ws, other)) {
        exec(
            c,
            "insert into helpdesk.workspaces (id, name, plan, retention_days)"
                + " values (?, 'Integrity', 'business', 365)",
            w);
      }
      for (int i = 1; i <= 3; i++) {
        tickets.add(
            id(
                c,
                "insert into helpdesk.tickets (workspace_id, number, subject) values (?, ?, ?)"
                    + " returning id",
                ws,
                i,
                "Evidence " + i));
      }
      id(
          c,
          "insert into helpdesk.tickets (workspace_id, number, subject) values (?, 1, 'Other')"
              + " returning id",
          other);
      c.commit();
    }
    try (Connection c = PlatformDb.transaction(stack)) {
      TrailContext.emit(c, ActorContext.builder(ActorType.SYSTEM).channel(Channel.SYSTEM).build());
      for (long ticket : tickets) {
        exec(c, "update helpdesk.tickets set status = 'open' where id = ?", ticket);
      }
      c.commit();
    }
    return tickets;
  }

  // --- reading the store ----------------------------------------------------------------------

  /** Waits until a checkpoint covers every stored event of the workspace (at least {@code min}). */
  private long awaitSigned(String ws, long min) {
    Instant deadline = Instant.now().plus(WITHIN);
    while (Instant.now().isBefore(deadline)) {
      long stored =
          single("SELECT count() FROM activity FINAL WHERE workspace_id = {ws:String}", ws);
      long signed =
          single(
              "SELECT max(tree_size) FROM integrity_checkpoints FINAL WHERE workspace_id ="
                  + " {ws:String}",
              ws);
      if (stored >= min && signed == stored) {
        return stored;
      }
      TrailApi.sleep(500);
    }
    throw new AssertionError("no checkpoint of " + ws + " covered its events within " + WITHIN);
  }

  private List<String> eventIds(String ws) {
    String text =
        sql(
            "SELECT event_id FROM activity FINAL WHERE workspace_id = {ws:String}"
                + " ORDER BY occurred_at, event_id FORMAT TSV",
            ws);
    return List.of(text.strip().split("\n"));
  }

  private long single(String statement, String ws) {
    String text = sql(statement + " FORMAT TSV", ws).strip();
    return text.isEmpty() ? 0 : Long.parseLong(text);
  }

  private String sql(String statement, String ws) {
    Map<String, String> sql = stack.sqlInterface();
    return cli(
            "sql",
            statement,
            "--param",
            "ws=" + ws,
            "--format",
            "tsv",
            "--url",
            sql.get("url"),
            "--user",
            sql.get("user"),
            "--password",
            sql.get("password"))
        .out();
  }

  private JsonNode verify(String ws) throws Exception {
    return verify(ws, null);
  }

  private JsonNode verify(String ws, java.nio.file.Path pin) throws Exception {
    Map<String, String> sql = stack.sqlInterface();
    List<String> args =
        new ArrayList<>(
            List.of(
                "verify",
                "--workspace",
                ws,
                "--json",
                "--public-key",
                stack.integrityPublicKey().toString(),
                "--url",
                sql.get("url"),
                "--user",
                sql.get("user"),
                "--password",
                sql.get("password")));
    if (pin != null) {
      args.add("--pin");
      args.add(pin.toString());
    }
    return JSON.readTree(cli(args.toArray(String[]::new)).out());
  }

  /** The keys of the records on trail.checkpoints naming the workspace, read from the start. */
  private List<String> checkpointsOnTopic(String ws) {
    java.util.Properties props = new java.util.Properties();
    props.put("bootstrap.servers", stack.kafkaBootstrap());
    props.put("group.id", "e2e-integrity-" + run);
    props.put("auto.offset.reset", "earliest");
    props.put(
        "key.deserializer",
        org.apache.kafka.common.serialization.StringDeserializer.class.getName());
    props.put(
        "value.deserializer",
        org.apache.kafka.common.serialization.StringDeserializer.class.getName());
    List<String> keys = new ArrayList<>();
    try (var consumer =
        new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(props)) {
      consumer.subscribe(List.of(io.activitytrail.schemas.ContractTopics.CHECKPOINTS));
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      while (Instant.now().isBefore(deadline)
          && keys.stream().noneMatch(k -> k.startsWith(ws + "/"))) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
      }
    }
    return keys;
  }

  private record Output(int exit, String out) {}

  private static Output cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      exit = new CommandLine(new Trail()).execute(args);
    } finally {
      System.setOut(original);
    }
    return new Output(exit, out.toString(StandardCharsets.UTF_8));
  }
}
