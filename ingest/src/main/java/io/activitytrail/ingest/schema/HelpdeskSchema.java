package io.activitytrail.ingest.schema;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates or upgrades the reference helpdesk database: schema {@code helpdesk} (the platform's
 * tables) and schema {@code trail} (the context functions a platform installs from {@code
 * infra/sql/trail-context.sql}).
 *
 * <p>Flyway's history table lives in {@code public}, not in {@code helpdesk}: the connector
 * captures every table of schema {@code helpdesk}, and migration bookkeeping is not platform
 * activity.
 */
public final class HelpdeskSchema {
  static final String HISTORY_TABLE = "helpdesk_schema_history";

  private HelpdeskSchema() {}

  /**
   * Applies the pending migrations.
   *
   * @return the versions applied by this call, in order (a repeatable migration as {@code R
   *     <description>}); empty when the database was already current
   */
  public static List<String> migrate(String jdbcUrl, String user, String password) {
    MigrateResult result =
        Flyway.configure()
            .dataSource(jdbcUrl, user, password)
            .defaultSchema("public")
            .createSchemas(false)
            .table(HISTORY_TABLE)
            .locations("classpath:db/helpdesk")
            .javaMigrations(TrailContextMigration.VERSION_2, TrailContextMigration.CURRENT)
            .failOnMissingLocations(true)
            .load()
            .migrate();
    // a repeatable migration has no version: named by its description
    return result.migrations.stream()
        .map(m -> m.version == null || m.version.isEmpty() ? "R " + m.description : m.version)
        .toList();
  }
}
