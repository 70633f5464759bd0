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
 * Version 2: installs {@code infra/sql/trail-context.sql}, the very file platforms install, so the
 * reference database cannot drift from what the documentation tells platforms to run. A Java
 * migration because Flyway takes the version from the file name, and the platform-facing file keeps
 * its plain name.
 */
final class TrailContextMigration implements JavaMigration {
  static final String RESOURCE = "/io/activitytrail/ingest/sql/trail-context.sql";

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("2");
  }

  @Override
  public String getDescription() {
    return "trail context functions";
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

  static String sql() {
    try (InputStream in = TrailContextMigration.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "classpath resource "
                + RESOURCE
                + " is missing: the ingest build copies it from infra/sql/");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + RESOURCE, e);
    }
  }
}
