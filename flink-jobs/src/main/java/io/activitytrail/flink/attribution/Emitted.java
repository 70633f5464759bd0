package io.activitytrail.flink.attribution;

import io.activitytrail.schemas.context.ActorContext;

/**
 * Marks a transaction let go; its context may be null (let go without one).
 *
 * @param endSeen whether its END has been answered
 */
public record Emitted(ActorContext context, boolean endSeen) {}
