package io.activitytrail.export;

import java.util.List;
import java.util.Map;

/**
 * What an export holds and how to check it (docs/exports.md): written as {@code manifest.json} next
 * to the files, and returned by {@code GET /v1/workspaces/{ws}/exports/{export_id}}. Times are
 * ISO-8601 UTC with milliseconds; {@code filter} holds the API's parameter names and values.
 */
public record Manifest(
    String exportId,
    String workspaceId,
    String kind,
    Map<String, List<String>> filter,
    TimeRange timeRange,
    String format,
    List<ExportFile> files,
    RequestedBy requestedBy,
    String createdAt) {

  /**
   * {@code from}/{@code to}: the range asked for (null = open); {@code first}/{@code last}: the
   * times of the first and last row written (null when there were none).
   */
  public record TimeRange(String from, String to, String firstOccurredAt, String lastOccurredAt) {}

  public record ExportFile(String name, long rows, long bytes, String sha256) {}

  public record RequestedBy(String userId, String role) {}

  /** The rows of all files (one file today). */
  public long rows() {
    return files.stream().mapToLong(ExportFile::rows).sum();
  }
}
