package io.activitytrail.flink.decode;

/**
 * A BEGIN or END marker from the transaction topic.
 *
 * @param eventCount for END: how many events the transaction produced (row changes and
 *     transactional logical messages share the numbering); null for BEGIN
 */
public record TransactionBoundary(
    String transactionId, Status status, Long eventCount, long tsMillis, SourceRef source)
    implements Decoded {

  public enum Status {
    BEGIN,
    END
  }
}
