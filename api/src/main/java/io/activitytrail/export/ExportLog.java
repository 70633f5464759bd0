package io.activitytrail.export;

import io.activitytrail.clickhouse.ActivityRows;
import io.activitytrail.clickhouse.ClickHouse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where exports are recorded: the {@code data_exported} event goes straight into the activity table
 * (the API process owns ClickHouse; the platform's database is not the API's to write), and a
 * manifest is found again through that event.
 */
public final class ExportLog {

  private final ClickHouse ch;
  private final String table;

  /** {@code database} must be the one ActivityQueries reads (a plain identifier). */
  public ExportLog(ClickHouse ch, String database) {
    if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    this.ch = ch;
    this.table = database + ".activity";
  }

  /** Dated at the manifest's created_at, so recording it again yields the very same row. */
  public void record(Manifest manifest, String ip, String userAgent) {
    Instant at = Instant.parse(manifest.createdAt());
    ch.insert(
        table,
        ActivityRows.COLUMNS,
        ActivityRows.toJsonEachRow(List.of(ExportAudit.event(manifest, ip, userAgent, at))));
  }

  /** The manifest of a recorded export of this workspace. */
  public Optional<Manifest> find(String workspaceId, String exportId) {
    List<Map<String, Object>> rows =
        ch.query(
            "SELECT details['manifest'] AS manifest FROM "
                + table
                + " WHERE workspace_id = {workspace:String} AND category = 'audit'"
                + " AND type = {type:String} AND event_id = {event_id:String} LIMIT 1",
            Map.of(
                "workspace",
                workspaceId,
                "type",
                ExportAudit.TYPE,
                "event_id",
                ExportAudit.eventId(exportId)));
    return rows.stream()
        .map(r -> (String) r.get("manifest"))
        .filter(m -> m != null && !m.isEmpty())
        .findFirst()
        .map(ManifestJson::read);
  }
}
