package io.activitytrail.clickhouse.embedded;

/**
 * What chDB's parser says a text is (chdb_classify_query_n): how many statements, and the most
 * lasting effect among them.
 */
public record StatementKind(int statements, Kind kind) {

  public enum Kind {
    /** SELECT, SHOW, DESCRIBE, EXPLAIN, EXISTS, CHECK. */
    READ_ONLY,
    /** INSERT, CREATE, ALTER, DROP, TRUNCATE, RENAME, UPDATE, DELETE, OPTIMIZE. */
    MUTATING,
    /** Functions, users, named collections, writes into system. */
    MUTATING_GLOBAL,
    /** USE, SET, SYSTEM, KILL, BACKUP, INTO OUTFILE, INSERT INTO FUNCTION, ... */
    CONTROL,
    /** Did not parse (no statements), or parsed into something this chDB does not classify. */
    UNKNOWN;

    static Kind of(int value) {
      Kind[] all = values();
      return value >= 0 && value < all.length ? all[value] : UNKNOWN;
    }
  }

  /** False when ClickHouse's parser could not read the text (a syntax error). */
  public boolean parsed() {
    return statements > 0;
  }
}
