package io.activitytrail.flink.decode;

import java.io.Serializable;

/** What one CDC record means once read: a row change, a transaction marker or a logical message. */
public sealed interface Decoded extends Serializable
    permits RowChange, TransactionBoundary, ContextMessage, AppEvent, ForeignMessage {

  /**
   * Debezium's transaction id ("txId:lsn"), or null outside a transaction (snapshot,
   * non-transactional message).
   */
  String transactionId();

  /** The Kafka position the event was read from. */
  SourceRef source();

  default boolean transactional() {
    return transactionId() != null;
  }
}
