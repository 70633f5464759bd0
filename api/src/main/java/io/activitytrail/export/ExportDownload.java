package io.activitytrail.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The client side of an export: POSTs to the API, streams the body into the folder while drawing
 * progress, then fetches the manifest, writes it next to the file and checks the file against it.
 */
public final class ExportDownload {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  /** A refusal by the API: its status and JSON body, for the caller to phrase. */
  public static final class Refused extends IOException {
    public final int status;
    public final String body;

    Refused(int status, String body) {
      super("the API answered " + status + ": " + body);
      this.status = status;
      this.body = body;
    }
  }

  private ExportDownload() {}

  /**
   * @param exportsUrl {@code <api>/v1/workspaces/<ws>/exports}
   * @param query the encoded query string (kind, format, filters), without '?'
   */
  public static Manifest run(
      String exportsUrl,
      String query,
      String bearer,
      ExportKind kind,
      ExportFormat format,
      Path folder,
      ProgressLine progress)
      throws IOException, InterruptedException {
    Files.createDirectories(folder);
    HttpResponse<InputStream> response =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(exportsUrl + "?" + query))
                .header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      try (InputStream in = response.body()) {
        throw new Refused(
            response.statusCode(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    String exportId =
        response
            .headers()
            .firstValue(ExportRoutes.EXPORT_ID_HEADER)
            .orElseThrow(() -> new IOException("the API did not name the export"));
    Path file = folder.resolve(kind.fileName(format));
    RowCounter rows = new RowCounter(format);
    long bytes = 0;
    try (InputStream in = response.body();
        OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
        rows.accept(buffer, 0, n);
        bytes += n;
        progress.update(rows.rows(), bytes);
      }
    }
    progress.done(rows.rows(), bytes);
    Manifest manifest = fetchManifest(exportsUrl + "/" + exportId, bearer);
    ManifestJson.writeTo(folder, manifest);
    var problems = ManifestVerifier.verify(folder);
    if (!problems.isEmpty()) {
      throw new IOException("the downloaded export does not match its manifest: " + problems);
    }
    return manifest;
  }

  private static Manifest fetchManifest(String url, String bearer)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + bearer)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 404) {
      throw new IOException(
          "the export was not recorded: it failed on the server (see the engine log)");
    }
    if (response.statusCode() != 200) {
      throw new Refused(response.statusCode(), response.body());
    }
    return ManifestJson.read(response.body());
  }
}
