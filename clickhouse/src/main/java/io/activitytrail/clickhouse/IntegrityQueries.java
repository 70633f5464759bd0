package io.activitytrail.clickhouse;

import io.activitytrail.integrity.Verifier.SignedInterval;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of the signed checkpoints (V012) for the API; the workspace always bound as a parameter.
 */
public final class IntegrityQueries {
  private final ClickHouse ch;
  private final String table;

  public IntegrityQueries(ClickHouse ch, String database) {
    this.ch = ch;
    this.table = "`" + SqlIdentifiers.require(database, "database") + "`.integrity_checkpoints";
  }

  /** The newest checkpoint of the workspace, with its entries; empty before the first. */
  public Optional<SignedInterval> latest(String workspaceId) {
    QueryChecks.requireWorkspace(workspaceId);
    List<Map<String, Object>> rows =
        ch.query(
            "SELECT "
                + String.join(", ", CheckpointRows.COLUMNS)
                + " FROM "
                + table
                + " FINAL WHERE workspace_id = {workspace:String} ORDER BY number DESC LIMIT 1",
            Map.of("workspace", workspaceId));
    return rows.stream().findFirst().map(CheckpointRows::fromRow);
  }
}
