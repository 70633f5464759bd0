package io.activitytrail.flink.decode;

/**
 * A transactional logical message with a prefix this job does not read. It still counts toward the
 * transaction's event count, so the join must see it to know the transaction is complete.
 */
public record ForeignMessage(String transactionId, String prefix, SourceRef source)
    implements Decoded {}
