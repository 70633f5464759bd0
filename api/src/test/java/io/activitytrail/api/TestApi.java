package io.activitytrail.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.clickhouse.ActivityQueries;
import io.activitytrail.clickhouse.ActivityRows;
import io.activitytrail.clickhouse.ClickHouse;
import io.activitytrail.clickhouse.ClickHouseMigrations;
import io.activitytrail.clickhouse.embedded.EmbeddedClickHouse;
import io.activitytrail.clickhouse.embedded.LibChdb;
import io.activitytrail.event.ActivityEvent;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real API server in-process over this test JVM's embedded ClickHouse (chDB allows one storage
 * path per process), a fresh database per instance, HS256 tokens from a fixed test secret.
 */
public final class TestApi implements AutoCloseable {

  static final byte[] SECRET =
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
  public static final Taxonomy TAXONOMY = MappingLoader.load(MappingLoader.BUNDLED).taxonomy();

  public static TestApi start() {
    return start(TokenVerifier.hs256(SECRET), TAXONOMY);
  }

  static TestApi start(TokenVerifier verifier) {
    return start(verifier, TAXONOMY);
  }

  static TestApi start(TokenVerifier verifier, Taxonomy taxonomy) {
    ClickHouse ch = EmbeddedClickHouse.open(LibChdb.locate(), dataDir());
    String database = "t_" + UUID.randomUUID().toString().replace("-", "");
    ClickHouseMigrations.apply(ch, database);
    try {
      ApiServer server =
          ApiServer.start(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
              new ActivityQueries(ch, database),
              verifier,
              taxonomy,
              () -> Health.ofJobState("RUNNING"),
              List.of());
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

  public static String token(String workspace, Role role) {
    return ApiTokens.mint(SECRET, "7", workspace, role, Duration.ofMinutes(5), Instant.now());
  }

  public int port() {
    return server.port();
  }

  /** A GET with the given bearer token (null: no Authorization header). */
  Answer get(String pathAndQuery, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Answer(int status, Map<String, List<String>> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    List<String> eventIds() {
      return json().get("items").findValues("event_id").stream().map(JsonNode::asText).toList();
    }

    String header(String name) {
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
