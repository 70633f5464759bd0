package io.activitytrail.flink.decode;

import io.activitytrail.schemas.context.ActorContext;

/** A transaction's {@code trail.context} message, already parsed. */
public record ContextMessage(String transactionId, ActorContext context, SourceRef source)
    implements Decoded {}
