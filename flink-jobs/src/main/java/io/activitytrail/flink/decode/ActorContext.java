package io.activitytrail.flink.decode;

import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * The actor a platform declared for a transaction in its {@code trail.context} message.
 *
 * @param extra fields the contract does not name, as JSON text
 */
public record ActorContext(
    String actorType,
    String actorId,
    String actorName,
    String ip,
    String userAgent,
    String requestId,
    String channel,
    String ruleId,
    String onBehalfOf,
    String impersonatorId,
    LinkedHashMap<String, String> extra)
    implements Serializable {}
