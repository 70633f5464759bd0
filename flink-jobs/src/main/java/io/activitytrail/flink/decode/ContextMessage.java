package io.activitytrail.flink.decode;

/** A transaction's {@code trail.context} message, already parsed. */
public record ContextMessage(String transactionId, ActorContext context, SourceRef source)
    implements Decoded {}
