package io.activitytrail.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.activitytrail.api.ApiTokens;
import io.activitytrail.api.Role;
import io.activitytrail.api.TokenVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportRoutesTest {

  private static final Instant BASE =
      Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final byte[] SECRET =
      "export-test-secret-0123456789-0123456789".getBytes(StandardCharsets.UTF_8);

  private static String token(String workspace, Role role) {
    return ApiTokens.mint(SECRET, "7", workspace, role, Duration.ofMinutes(5), Instant.now());
  }

  private final ExportStore store = new ExportStore();
  private final HttpServer server = start();

  private HttpServer start() {
    ExportRoutes routes =
        new ExportRoutes(
            store.queries,
            store.log,
            TokenVerifier.hs256(SECRET),
            io.activitytrail.api.TestApi.TAXONOMY,
            Clock.systemUTC());
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      http.createContext(
          "/",
          exchange -> {
            try (exchange) {
              routes.handle(exchange);
            }
          });
      http.start();
      return http;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private HttpResponse<String> post(String pathAndQuery, Role role) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url(pathAndQuery)))
            .header("Authorization", "Bearer " + token("acme", role))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("a member may not export (403), and nothing is recorded")
  void memberRefused() throws Exception {
    store.insert(List.of(Fixtures.activity("acme", BASE, 0, false)));
    HttpResponse<String> r = post("/v1/workspaces/acme/exports?kind=activities", Role.member);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(store.exportEvents("acme")).isEmpty();
  }

  @Test
  @DisplayName("an unknown kind or a paging parameter is a 400 naming it")
  void badParameters() throws Exception {
    assertThat(post("/v1/workspaces/acme/exports?kind=tickets", Role.admin).body())
        .contains("\"parameter\":\"kind\"");
    assertThat(post("/v1/workspaces/acme/exports?kind=activities&limit=5", Role.admin).body())
        .contains("\"parameter\":\"limit\"");
    assertThat(post("/v1/workspaces/acme/exports?kind=activities&type=nope", Role.admin).body())
        .contains("\"parameter\":\"type\"");
  }

  @Test
  @DisplayName("an admin's export streams the file, writes the manifest, and verify says OK")
  void downloadThroughApi(@TempDir Path dir) throws Exception {
    store.insert(
        List.of(
            Fixtures.activity("acme", BASE, 0, false),
            Fixtures.activity("acme", BASE, 1, true),
            Fixtures.activity("other", BASE, 2, false)));
    Manifest m =
        ExportDownload.run(
            url("/v1/workspaces/acme/exports"),
            "kind=activities&format=jsonl",
            token("acme", Role.admin),
            ExportKind.activities,
            ExportFormat.jsonl,
            dir,
            new ProgressLine(new PrintStream(PrintStream.nullOutputStream()), true));
    assertThat(m.files()).singleElement().satisfies(f -> assertThat(f.rows()).isEqualTo(2));
    assertThat(m.requestedBy()).isEqualTo(new Manifest.RequestedBy("7", "admin"));
    assertThat(ManifestVerifier.verify(dir)).isEmpty();
    assertThat(store.exportEvents("acme")).hasSize(1);
  }

  @Test
  @DisplayName("the manifest of another workspace's export is not found")
  void manifestIsolation() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(url("/v1/workspaces/acme/exports/" + java.util.UUID.randomUUID())))
                .header("Authorization", "Bearer " + token("acme", Role.auditor))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(404);
  }
}
