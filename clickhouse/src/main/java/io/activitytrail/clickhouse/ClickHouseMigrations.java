package io.activitytrail.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema changes for ClickHouse: the SQL files {@code
 * clickhouse/migrations/V<n>__<name>.sql} on the classpath (listed, in order, in {@code
 * clickhouse/migrations/index.txt}, because a jar cannot be listed portably), applied in version
 * order and recorded in {@code <database>.schema_migrations}. An applied migration whose file has
 * changed since is an error: schema history is append-only, so a change is a new migration. {@code
 * {database}} in a file stands for the configured database.
 */
public final class ClickHouseMigrations {

  /** The database the tables live in unless configured otherwise. */
  public static final String DEFAULT_DATABASE = "trail";

  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseMigrations.class);
  private static final String FOLDER = "clickhouse/migrations/";
  private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");
  private static final List<String> RECORD_COLUMNS =
      List.of("version", "name", "checksum", "applied_at");

  private ClickHouseMigrations() {}

  /** One migration file. */
  public record Migration(int version, String name, String sql, String checksum) {

    /** {@code V001__activity}. */
    public String id() {
      return String.format("V%03d__%s", version, name);
    }

    /** The statements of the file, {@code {database}} replaced, comments and blanks dropped. */
    public List<String> statements(String database) {
      String db = SqlIdentifiers.require(database, "database");
      List<String> statements = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (String line : sql.split("\n", -1)) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("--")) {
          continue;
        }
        current.append(line.replace("{database}", "`" + db + "`")).append('\n');
        // A statement ends with a semicolon at the end of a line.
        if (trimmed.endsWith(";")) {
          String statement = current.toString().strip();
          statements.add(statement.substring(0, statement.length() - 1));
          current.setLength(0);
        }
      }
      if (!current.toString().isBlank()) {
        statements.add(current.toString().strip());
      }
      return statements;
    }
  }

  /**
   * Creates {@code database} if needed and applies the migrations it lacks, in order. Returns the
   * ids ({@code V001__activity}, ...) applied by this call; empty when the schema was current.
   */
  public static List<String> apply(ClickHouse ch, String database) {
    String db = SqlIdentifiers.require(database, "database");
    preamble(db).forEach(ch::execute);
    Map<Integer, Map<String, Object>> applied = new LinkedHashMap<>();
    for (Map<String, Object> row :
        ch.query(
            "SELECT version, name, checksum FROM `" + db + "`.schema_migrations ORDER BY version",
            Map.of())) {
      applied.put(((Number) row.get("version")).intValue(), row);
    }
    List<String> appliedNow = new ArrayList<>();
    for (Migration migration : onClasspath()) {
      Map<String, Object> record = applied.remove(migration.version());
      if (record != null) {
        if (!migration.checksum().equals(record.get("checksum"))) {
          throw new IllegalStateException(
              "ClickHouse migration "
                  + migration.id()
                  + " was changed after it was applied to database "
                  + db
                  + " (checksum now "
                  + migration.checksum()
                  + ", recorded "
                  + record.get("checksum")
                  + "); restore the file and add a new migration instead");
        }
        continue;
      }
      for (String statement : migration.statements(db)) {
        ch.execute(statement);
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("version", migration.version());
      row.put("name", migration.name());
      row.put("checksum", migration.checksum());
      row.put("applied_at", ActivityColumns.formatTime(Instant.now().toEpochMilli()));
      ch.insert(db + ".schema_migrations", RECORD_COLUMNS, JsonEachRow.write(List.of(row)));
      LOG.info("applied ClickHouse migration {} to {}", migration.id(), db);
      appliedNow.add(migration.id());
    }
    if (!applied.isEmpty()) {
      LOG.warn(
          "database {} has migrations this build does not know: {} (a newer version applied them)",
          db,
          applied.values());
    }
    return appliedNow;
  }

  /** The database and the table that records what was applied. */
  private static List<String> preamble(String db) {
    return List.of(
        "CREATE DATABASE IF NOT EXISTS `" + db + "`",
        "CREATE TABLE IF NOT EXISTS `"
            + db
            + "`.schema_migrations (version UInt32, name String, checksum String,"
            + " applied_at DateTime64(3, 'UTC')) ENGINE = MergeTree ORDER BY version");
  }

  /**
   * What {@link #apply} runs on an empty server, as statements an administrator can run instead:
   * the database, every migration, and after each the record that says it was applied (so a later
   * {@code apply} finds nothing to do). {@code trail migrate --print} prints it.
   */
  public static List<String> script(String database) {
    String db = SqlIdentifiers.require(database, "database");
    List<String> out = new ArrayList<>(preamble(db));
    for (Migration migration : onClasspath()) {
      out.addAll(migration.statements(db));
      out.add(
          "INSERT INTO `"
              + db
              + "`.schema_migrations (version, name, checksum, applied_at) VALUES ("
              + migration.version()
              + ", '"
              + migration.name()
              + "', '"
              + migration.checksum()
              + "', now64(3))");
    }
    return out;
  }

  /** The migrations on the classpath, in version order. */
  public static List<Migration> onClasspath() {
    List<Migration> migrations = new ArrayList<>();
    for (String file : readResource(FOLDER + "index.txt").split("\n")) {
      if (!file.isBlank()) {
        migrations.add(parse(file.strip(), readResource(FOLDER + file.strip())));
      }
    }
    for (int i = 1; i < migrations.size(); i++) {
      if (migrations.get(i).version() <= migrations.get(i - 1).version()) {
        throw new IllegalStateException(
            "ClickHouse migrations are not in increasing version order in "
                + FOLDER
                + "index.txt: "
                + migrations.get(i - 1).id()
                + " before "
                + migrations.get(i).id());
      }
    }
    return migrations;
  }

  static Migration parse(String fileName, String sql) {
    Matcher m = FILE_NAME.matcher(fileName);
    if (!m.matches()) {
      throw new IllegalStateException(
          "ClickHouse migration file name must look like V001__name.sql, got: " + fileName);
    }
    return new Migration(Integer.parseInt(m.group(1)), m.group(2), sql, sha256(sql));
  }

  private static String readResource(String path) {
    try (InputStream in = ClickHouseMigrations.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath resource " + path, e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }
}
