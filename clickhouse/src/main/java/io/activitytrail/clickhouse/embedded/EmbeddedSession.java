package io.activitytrail.clickhouse.embedded;

import io.activitytrail.clickhouse.ClickHouseException;
import io.activitytrail.clickhouse.SqlIdentifiers;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A session of its own on this process's chDB engine, beside the writer's: the settings it is
 * opened with (e.g. {@code readonly=1} and limits) hold for every statement it runs, and under
 * {@code readonly=1} ClickHouse itself refuses any statement that writes and any change of a
 * setting, the limits included. Statements are serialized on the session.
 */
public final class EmbeddedSession implements AutoCloseable {

  private final ChdbConnection connection;
  private final Map<String, String> settings;
  private final boolean readOnly;

  private EmbeddedSession(ChdbConnection connection, Map<String, String> settings) {
    this.connection = connection;
    this.settings = settings;
    this.readOnly = !"0".equals(settings.getOrDefault("readonly", "0"));
  }

  /**
   * Opens a session on the engine for {@code dataDir} (starting the engine on first use) with
   * {@code settings}, each a ClickHouse setting name and its value.
   */
  public static EmbeddedSession open(Path library, Path dataDir, Map<String, String> settings) {
    Map<String, String> checked = new LinkedHashMap<>();
    settings.forEach(
        (name, value) -> {
          SqlIdentifiers.require(name, "setting name");
          if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                "setting " + name + " needs a value without blanks, got '" + value + "'");
          }
          checked.put(name, value);
        });
    ChdbEngine engine = ChdbEngine.open(library, dataDir);
    return new EmbeddedSession(engine.connectAnother("session " + checked, checked), checked);
  }

  /** The settings the session was opened with. */
  public Map<String, String> settings() {
    return Map.copyOf(settings);
  }

  /**
   * Runs {@code sql} with {@code database} as the current database and returns its output in {@code
   * format}; {@code escapedParams} bind its {@code {name:Type}} placeholders (values in
   * ClickHouse's escaped text form, as HTTP clients send them).
   */
  public synchronized ChdbResult run(
      String sql, String format, String database, Map<String, String> escapedParams) {
    if (readOnly) {
      refuseWhatReadOnlyCannotSee(sql);
    }
    // The session's current database is state a previous statement (a USE) may have changed.
    connection.query(
        "USE `" + SqlIdentifiers.require(database, "database") + "`", "Null", Map.of());
    return connection.query(sql, format, escapedParams);
  }

  /**
   * What ClickHouse's parser says {@code sql} is, without running it: how many statements and what
   * kind. Tests use it to parse statements this engine cannot run (access control on a server).
   */
  public StatementKind classify(String sql) {
    return connection.classify(sql);
  }

  /**
   * In chDB a statement's {@code INTO OUTFILE} is written by the embedded client, where readonly
   * never looks (measured: a read-only session wrote the file), and a text of several statements
   * runs them all, where a server refuses it. So a read-only session first asks ClickHouse's parser
   * what the text is, and runs only a single statement that reads (or text that does not parse, for
   * ClickHouse's own syntax error).
   */
  private void refuseWhatReadOnlyCannotSee(String sql) {
    StatementKind kind = connection.classify(sql);
    if (kind.statements() > 1) {
      throw ClickHouseException.fromMessage(
          "read-only session",
          "Code: 62. DB::Exception: Syntax error (Multi-statements are not allowed). (SYNTAX_ERROR)");
    }
    boolean unparsed = kind.statements() == 0 && kind.kind() == StatementKind.Kind.UNKNOWN;
    if (!unparsed && kind.kind() != StatementKind.Kind.READ_ONLY) {
      throw ClickHouseException.fromMessage(
          "read-only session",
          "Code: 164. DB::Exception: Cannot execute query in readonly mode ("
              + kind.kind().name().toLowerCase(java.util.Locale.ROOT)
              + " statement). (READONLY)");
    }
  }

  @Override
  public void close() {
    connection.close();
  }
}
