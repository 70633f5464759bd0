package io.activitytrail.flink.decode;

/**
 * A BEGIN or END marker from the transaction topic.
 *
 * @param eventCount for END: how many events the transaction produced (row changes and
 *     transactional logical messages share the numbering); null for BEGIN
 * @param lsn the LSN in Debezium's id ({@code <xid>:<lsn>}): for END, the commit's position, which
 *     increases in commit order (checked on the real stack: 273 END markers, strictly increasing);
 *     null when the id carries none
 */
public record TransactionBoundary(
    String transactionId, Status status, Long eventCount, long tsMillis, Long lsn, SourceRef source)
    implements Decoded {

  public enum Status {
    BEGIN,
    END
  }
}
