package io.activitytrail.schemas;

/**
 * The topics Debezium writes for one connector, named by its {@code topic.prefix} (the connector
 * JSON in infra/connect sets {@link #DEFAULT_PREFIX}): one per captured table, the transaction
 * markers and the logical decoding messages.
 */
public final class CdcTopics {

  /** The {@code topic.prefix} of the bundled connector configuration. */
  public static final String DEFAULT_PREFIX = "helpdesk";

  private CdcTopics() {}

  /** {@code <prefix>.<schema>.<table>}: the row changes of one table. */
  public static String table(String prefix, String schema, String table) {
    return prefix + "." + schema + "." + table;
  }

  /** {@code <prefix>.transaction}: BEGIN and END of each transaction, in commit order. */
  public static String transactions(String prefix) {
    return prefix + ".transaction";
  }

  /** {@code <prefix>.message}: the {@code pg_logical_emit_message} messages. */
  public static String messages(String prefix) {
    return prefix + ".message";
  }
}
