package io.activitytrail.export;

import io.activitytrail.api.ActivityJson;
import java.time.Instant;
import java.util.List;

/** Builds the manifest of a finished export. Pure. */
public final class ExportManifests {

  private ExportManifests() {}

  public static Manifest of(
      String exportId,
      ExportQuery query,
      ExportFormat format,
      ExportResult result,
      Requester requester,
      Instant createdAt) {
    return new Manifest(
        exportId,
        query.workspaceId(),
        query.kind().label,
        ExportFilters.parameters(query),
        new Manifest.TimeRange(
            ExportFilters.time(query.from()),
            ExportFilters.time(query.to()),
            ExportFilters.time(result.firstOccurredAt()),
            ExportFilters.time(result.lastOccurredAt())),
        format.name(),
        List.of(
            new Manifest.ExportFile(
                query.kind().fileName(format), result.rows(), result.bytes(), result.sha256())),
        new Manifest.RequestedBy(requester.userId(), requester.role().name()),
        ActivityJson.timestamp(createdAt));
  }
}
