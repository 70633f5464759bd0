package io.activitytrail.schemas;

import io.activitytrail.event.Category;

/**
 * The Kafka topics that carry the contract, each holding {@link
 * io.activitytrail.event.ActivityEvent} values in the Confluent wire format ({@link
 * io.activitytrail.schemas.serde.ActivityEventSerializer}), subject {@code <topic>-value}.
 */
public final class ContractTopics {

  /** Category {@code activity}: timelines and the workspace feed. */
  public static final String ACTIVITIES = "trail.activities";

  /** Category {@code audit}: the administrators' audit log. */
  public static final String AUDIT_EVENTS = "trail.audit-events";

  /**
   * What the pipeline could not process: the original key, value and headers, plus {@code
   * trail.error.*} and {@code trail.source.*} headers saying why and from where (not Avro).
   */
  public static final String DEAD_LETTERS = "trail.dead-letters";

  private ContractTopics() {}

  public static String forCategory(Category category) {
    return switch (category) {
      case activity -> ACTIVITIES;
      case audit -> AUDIT_EVENTS;
    };
  }
}
