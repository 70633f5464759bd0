package io.activitytrail.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * An export written straight into a folder: the file, then {@code manifest.json}, then the audit
 * event. For a process that owns ClickHouse (the engine, tests); the command line goes through the
 * API instead.
 */
public final class ExportFolder {

  private final Exporter exporter;
  private final ExportLog log;
  private final Clock clock;

  public ExportFolder(Exporter exporter, ExportLog log, Clock clock) {
    this.exporter = exporter;
    this.log = log;
    this.clock = clock;
  }

  public Manifest export(ExportQuery query, ExportFormat format, Requester requester, Path folder)
      throws IOException {
    Files.createDirectories(folder);
    String exportId = UUID.randomUUID().toString();
    ExportResult result;
    try (OutputStream out = Files.newOutputStream(folder.resolve(query.kind().fileName(format)))) {
      result = exporter.export(query, format, requester.role(), out);
    }
    Manifest manifest =
        ExportManifests.of(exportId, query, format, result, requester, clock.instant());
    ManifestJson.writeTo(folder, manifest);
    log.record(manifest, null, null);
    return manifest;
  }
}
