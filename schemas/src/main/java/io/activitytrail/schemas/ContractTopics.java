package io.activitytrail.schemas;

import io.activitytrail.event.Category;

/**
 * The Kafka topics of the pipeline's output: the contract topics hold Avro values in the Confluent
 * wire format ({@link io.activitytrail.schemas.serde.ContractSerializer}), subject {@code
 * <topic>-value}; the dead letters hold original bytes.
 */
public final class ContractTopics {

  /** Category {@code activity}: timelines and the workspace feed. */
  public static final String ACTIVITIES = "trail.activities";

  /** Category {@code audit}: the administrators' audit log. */
  public static final String AUDIT_EVENTS = "trail.audit-events";

  /**
   * {@link io.activitytrail.event.Notification}s: one activity for one recipient and channel, key =
   * notification id. What a platform's own push or chat integration would consume.
   */
  public static final String NOTIFICATIONS = "trail.notifications";

  /**
   * What the pipeline could not process: the original key, value and headers, plus {@code
   * trail.error.*} and {@code trail.source.*} headers saying why and from where (not Avro).
   */
  public static final String DEAD_LETTERS = "trail.dead-letters";

  /**
   * Signed checkpoints of each workspace's history (docs/integrity.md), a copy outside the store:
   * the value is the checkpoint with its entries as one JSON object (the row of {@code
   * integrity_checkpoints}), the key {@code <workspace>/<number>} (not Avro).
   */
  public static final String CHECKPOINTS = "trail.checkpoints";

  private ContractTopics() {}

  public static String forCategory(Category category) {
    return switch (category) {
      case activity -> ACTIVITIES;
      case audit -> AUDIT_EVENTS;
    };
  }
}
