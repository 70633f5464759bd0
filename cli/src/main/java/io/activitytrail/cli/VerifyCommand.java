package io.activitytrail.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.clickhouse.ActivityRows;
import io.activitytrail.clickhouse.CheckpointRows;
import io.activitytrail.clickhouse.JsonEachRow;
import io.activitytrail.integrity.KeyFiles;
import io.activitytrail.integrity.Keys;
import io.activitytrail.integrity.Verification;
import io.activitytrail.integrity.Verification.Problem;
import io.activitytrail.integrity.Verifier;
import io.activitytrail.integrity.Verifier.SignedInterval;
import io.activitytrail.integrity.Verifier.StoredEvent;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check that a workspace's stored history is the one the pipeline signed: every event as"
          + " signed, none missing (unless expired under its retention), none added, every"
          + " checkpoint signed by a known key and chained to the one before (docs/integrity.md).",
      "Reads the store's read-only SQL interface (the local stack's by default). Exit codes: 0"
          + " valid, 1 tampered, 2 incomplete (events newer than the last checkpoint) or unable"
          + " to decide.",
      "Example: trail verify --workspace acme --json"
    })
final class VerifyCommand implements Callable<Integer> {

  @Option(names = "--workspace", required = true, description = "The workspace id.")
  String workspace;

  @Option(
      names = "--public-key",
      description =
          "A public key file the checkpoints may be signed with (X.509, base64; repeatable)."
              + " Default: the local stack's, .trail/conf/"
              + KeyFiles.PUBLIC
              + ".")
  List<Path> publicKeys;

  @Option(
      names = "--pin",
      description =
          "A checkpoint kept from earlier, as trail verify --json printed it under"
              + " \"latest_checkpoint\": the stored one of that number must be the same.")
  Path pin;

  @Option(names = "--json", description = "Print the verdict and problems as JSON.")
  boolean json;

  @Mixin SqlEndpointOptions endpoint;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() throws Exception {
    SqlClient sql = endpoint.client();
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    List<Path> files =
        publicKeys != null
            ? publicKeys
            : List.of(Trail.stackConfig().confDir().resolve(KeyFiles.PUBLIC));
    for (Path file : files) {
      PublicKey key = Keys.publicKey(KeyFiles.read(file));
      keys.put(Keys.keyId(key), key);
    }
    List<SignedInterval> intervals = new ArrayList<>();
    for (Map<String, Object> row :
        rows(
            sql,
            "SELECT "
                + String.join(", ", CheckpointRows.COLUMNS)
                + " FROM integrity_checkpoints FINAL WHERE workspace_id = {ws:String}"
                + " ORDER BY number")) {
      intervals.add(CheckpointRows.fromRow(row));
    }
    List<StoredEvent> events = new ArrayList<>();
    for (Map<String, Object> row :
        rows(
            sql,
            "SELECT "
                + String.join(", ", ActivityRows.COLUMNS)
                + " FROM activity FINAL WHERE workspace_id = {ws:String}")) {
      events.add(new StoredEvent(null, ActivityRows.fromRow(row)));
    }
    SignedInterval pinned =
        pin == null
            ? null
            : CheckpointRows.fromRow(
                JSON.readValue(
                    Files.readString(pin, StandardCharsets.UTF_8),
                    new TypeReference<Map<String, Object>>() {}));
    Verification v =
        Verifier.verify(
            workspace,
            intervals,
            events,
            keys,
            pinned == null ? null : pinned.checkpoint(),
            id -> elsewhere(sql, id),
            Instant.now());
    if (json) {
      System.out.println(JSON.writeValueAsString(json(v, intervals)));
    } else {
      print(v, intervals, System.out);
    }
    return switch (v.verdict()) {
      case VALID -> 0;
      case TAMPERED -> 1;
      case INCOMPLETE -> 2;
    };
  }

  private List<Map<String, Object>> rows(SqlClient sql, String statement) throws Exception {
    SqlClient.Answer answer = sql.run(statement, "JSONEachRow", Map.of("ws", workspace));
    if (!answer.ok()) {
      throw new IllegalStateException(
          "the store refused a read ("
              + answer.status()
              + "): "
              + new String(answer.body(), StandardCharsets.UTF_8));
    }
    return JsonEachRow.parse(answer.body());
  }

  /** The workspace an event id is stored under now, if any. */
  private Optional<String> elsewhere(SqlClient sql, String eventId) {
    try {
      SqlClient.Answer answer =
          sql.run(
              "SELECT workspace_id FROM activity FINAL WHERE event_id = {id:String} LIMIT 1",
              "TSV",
              Map.of("id", eventId));
      String text = new String(answer.body(), StandardCharsets.UTF_8).strip();
      return answer.ok() && !text.isEmpty() ? Optional.of(text) : Optional.empty();
    } catch (Exception e) {
      throw new IllegalStateException("cannot look up event " + eventId + ": " + e, e);
    }
  }

  private Map<String, Object> json(Verification v, List<SignedInterval> intervals) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("workspace", workspace);
    out.put("verdict", v.verdict().name().toLowerCase(Locale.ROOT));
    out.put("events_checked", v.eventsChecked());
    out.put("checkpoints_checked", v.checkpointsChecked());
    out.put("expired", v.expired());
    out.put("pending", v.pending());
    out.put("unsigned", v.unsigned());
    List<Map<String, Object>> problems = new ArrayList<>();
    for (Problem p : v.problems()) {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
      problem.put("seq", p.seq());
      problem.put("event_id", p.eventId());
      problem.put("checkpoint", p.checkpoint());
      problem.put("detail", p.detail());
      problems.add(problem);
    }
    out.put("problems", problems);
    if (!intervals.isEmpty()) {
      SignedInterval latest = intervals.get(intervals.size() - 1);
      out.put(
          "latest_checkpoint",
          JsonEachRow.parse(CheckpointRows.toJsonEachRow(List.of(latest))).get(0));
    }
    return out;
  }

  private void print(Verification v, List<SignedInterval> intervals, PrintStream out) {
    String verdict =
        switch (v.verdict()) {
          case VALID -> "VALID: the stored history is the one signed";
          case TAMPERED -> "TAMPERED: the stored history differs from the one signed";
          case INCOMPLETE ->
              "INCOMPLETE: no problem, but some events are in no checkpoint (yet, written by the"
                  + " API, or older than signing)";
        };
    out.println("workspace " + workspace + ": " + verdict);
    out.printf(
        "  %d events checked against %d signed checkpoints; %d expired under retention; %d"
            + " pending; %d unsigned (written by the API, or before signing began)%n",
        v.eventsChecked(), v.checkpointsChecked(), v.expired(), v.pending(), v.unsigned());
    if (!intervals.isEmpty()) {
      var latest = intervals.get(intervals.size() - 1).checkpoint();
      out.printf(
          "  latest checkpoint: number %d, %d events, root %s, key %s%n",
          latest.number(), latest.treeSize(), latest.rootHex(), latest.keyId());
    }
    for (Problem p : v.problems()) {
      out.println("  - " + p.kind().name().toLowerCase(Locale.ROOT) + ": " + p.detail());
    }
  }
}
