package io.activitytrail.clickhouse.embedded;

/**
 * What a chDB statement returned: its output in the requested format, and the engine's own counters
 * (what ClickHouse's HTTP interface reports in {@code X-ClickHouse-Summary}).
 *
 * @param output the formatted result, empty for statements without one
 * @param rowsRead rows the statement read
 * @param bytesRead bytes the statement read
 * @param elapsedSeconds the engine's time for the statement
 */
public record ChdbResult(byte[] output, long rowsRead, long bytesRead, double elapsedSeconds) {}
