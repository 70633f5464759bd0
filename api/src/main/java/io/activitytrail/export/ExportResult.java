package io.activitytrail.export;

import java.time.Instant;

/**
 * What one export file holds: its rows, its size and SHA-256 (lowercase hex), and the times of its
 * first and last row (null when it has no rows).
 */
public record ExportResult(
    long rows, String sha256, long bytes, Instant firstOccurredAt, Instant lastOccurredAt) {}
