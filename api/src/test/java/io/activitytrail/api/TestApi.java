package io.activitytrail.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.api.server.TrailApi;
import io.activitytrail.clickhouse.ActivityRows;
import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.ClickHouseMigrations;
import io.activitytrail.clickhouse.NotificationRows;
import io.activitytrail.clickhouse.embedded.EmbeddedClickHouse;
import io.activitytrail.clickhouse.embedded.LibChdb;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Notification;
import io.activitytrail.mapping.MappingLoader;
import io.activitytrail.mapping.Taxonomy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real API server in-process over this test JVM's embedded ClickHouse (chDB allows one storage
 * path per process), a fresh database per instance, HS256 tokens from a fixed test secret. It
 * serves what {@link TrailApi} deploys: the reads and every other group of routes.
 */
public final class TestApi implements AutoCloseable {

  public static final byte[] SECRET =
      "test-secret-test-secret-test-secret-0123456789".getBytes(StandardCharsets.UTF_8);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Path dataDir;

  private final ClickHouse ch;
  private final String database;
  private final ApiServer server;

  private TestApi(ClickHouse ch, String database, ApiServer server) {
    this.ch = ch;
    this.database = database;
    this.server = server;
  }

  /** The bundled helpdesk mapping's taxonomy, which the engine serves by default. */
  /** The key the tests' checkpoints are signed with; the API serves its public half. */
  public static final java.security.KeyPair INTEGRITY_KEY =
      io.activitytrail.integrity.Keys.generate();

  public static final Taxonomy TAXONOMY = MappingLoader.load(MappingLoader.BUNDLED).taxonomy();

  public static TestApi start() {
    return start(TokenVerifier.hs256(SECRET), TAXONOMY, Clock.systemUTC());
  }

  /** With the clock that dates what the API writes (read markers, export manifests). */
  public static TestApi start(Clock clock) {
    return start(TokenVerifier.hs256(SECRET), TAXONOMY, clock);
  }

  static TestApi start(TokenVerifier verifier) {
    return start(verifier, TAXONOMY, Clock.systemUTC());
  }

  static TestApi start(TokenVerifier verifier, Taxonomy taxonomy) {
    return start(verifier, taxonomy, Clock.systemUTC());
  }

  private static TestApi start(TokenVerifier verifier, Taxonomy taxonomy, Clock clock) {
    ClickHouse ch = EmbeddedClickHouse.open(LibChdb.locate(), dataDir());
    String database = "t_" + UUID.randomUUID().toString().replace("-", "");
    ClickHouseMigrations.apply(ch, database);
    try {
      ApiServer server =
          TrailApi.start(
              ch,
              new TrailApi.Settings(
                  new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                  database,
                  verifier,
                  taxonomy,
                  () -> Health.ofJobState("RUNNING"),
                  clock,
                  List.of(INTEGRITY_KEY.getPublic().getEncoded())));
      return new TestApi(ch, database, server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static synchronized Path dataDir() {
    if (dataDir == null) {
      try {
        dataDir =
            Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chdb-test-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dataDir;
  }

  public void insert(List<ActivityEvent> events) {
    ch.insert(database + ".activity", ActivityRows.COLUMNS, ActivityRows.toJsonEachRow(events));
  }

  /** Notifications as the job writes them (a copy written again is a second insert). */
  public void insertCheckpoints(
      List<io.activitytrail.integrity.Verifier.SignedInterval> intervals) {
    ch.insert(
        database + ".integrity_checkpoints",
        io.activitytrail.clickhouse.CheckpointRows.COLUMNS,
        io.activitytrail.clickhouse.CheckpointRows.toJsonEachRow(intervals));
  }

  public void insertNotifications(List<Notification> notifications) {
    ch.insert(
        database + ".notification",
        NotificationRows.COLUMNS,
        NotificationRows.toJsonEachRow(notifications));
  }

  public static String token(String workspace, Role role) {
    return token(workspace, role, "7");
  }

  /** A token of {@code user} (its sub). */
  public static String token(String workspace, Role role, String user) {
    return ApiTokens.mint(SECRET, user, workspace, role, Duration.ofMinutes(5), Instant.now());
  }

  public int port() {
    return server.port();
  }

  /** A GET with the given bearer token (null: no Authorization header). */
  public Answer get(String pathAndQuery, String token) {
    return send("GET", pathAndQuery, token, null);
  }

  /** A POST of a JSON body (null: none). */
  public Answer post(String pathAndQuery, String token, String json) {
    return send("POST", pathAndQuery, token, json);
  }

  /** Any method, with an optional JSON body. */
  public Answer send(String method, String pathAndQuery, String token, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public record Answer(int status, Map<String, List<String>> headers, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    public List<String> eventIds() {
      return json().get("items").findValues("event_id").stream().map(JsonNode::asText).toList();
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  @Override
  public void close() {
    server.close();
    ch.execute("DROP DATABASE IF EXISTS `" + database + "`");
    ch.close();
  }
}
