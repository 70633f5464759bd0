package io.activitytrail.ingest.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Installs {@code infra/sql/trail-context.sql}, the very file platforms install, so the reference
 * database cannot drift from what the documentation tells platforms to run. Two migrations:
 *
 * <ul>
 *   <li>{@link #VERSION_2}: the file as version 2 installed it, kept verbatim ({@code
 *       trail-context-v2.sql}) so that databases migrated then still validate;
 *   <li>{@link #CURRENT}: repeatable, the file as it is now; Flyway runs it again whenever the file
 *       changes (every statement in it is {@code CREATE OR REPLACE} or {@code IF NOT EXISTS}).
 * </ul>
 *
 * Java migrations because Flyway takes the version from the file name, and the platform-facing file
 * keeps its plain name.
 */
final class TrailContextMigration implements JavaMigration {
  static final String CURRENT_RESOURCE = "/io/activitytrail/ingest/sql/trail-context.sql";
  static final String VERSION_2_RESOURCE = "/io/activitytrail/ingest/sql/trail-context-v2.sql";

  static final TrailContextMigration VERSION_2 =
      new TrailContextMigration(
          MigrationVersion.fromVersion("2"), "trail context functions", VERSION_2_RESOURCE);
  static final TrailContextMigration CURRENT =
      new TrailContextMigration(null, "trail context functions (current)", CURRENT_RESOURCE);

  private final MigrationVersion version;
  private final String description;
  private final String resource;

  private TrailContextMigration(MigrationVersion version, String description, String resource) {
    this.version = version;
    this.description = description;
    this.resource = resource;
  }

  /** Null: repeatable. */
  @Override
  public MigrationVersion getVersion() {
    return version;
  }

  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public Integer getChecksum() {
    CRC32 crc = new CRC32();
    crc.update(sql().getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      statement.execute(sql());
    }
  }

  String sql() {
    try (InputStream in = TrailContextMigration.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "classpath resource "
                + resource
                + " is missing: the ingest build copies trail-context.sql from infra/sql/");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }
}
