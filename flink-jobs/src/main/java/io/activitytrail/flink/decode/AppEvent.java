package io.activitytrail.flink.decode;

import java.util.LinkedHashMap;

/**
 * A {@code trail.event} message: something that is not a row change (a login attempt, an export).
 *
 * @param fields the message's JSON fields as text (nested values as compact JSON)
 * @param contentHash hex SHA-256 of the content, part of the event id
 * @param txOrder the message's position in its transaction (total_order), null outside one
 */
public record AppEvent(
    String connector,
    String transactionId,
    LinkedHashMap<String, String> fields,
    long commitTimeMillis,
    Long lsn,
    String contentHash,
    Long txOrder,
    SourceRef source)
    implements Decoded {}
