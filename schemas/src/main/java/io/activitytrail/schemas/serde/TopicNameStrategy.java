package io.activitytrail.schemas.serde;

/**
 * Confluent's default subject naming: one subject per topic and side, so a topic holds one evolving
 * type.
 */
public final class TopicNameStrategy {

  private TopicNameStrategy() {}

  public static String subject(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }
}
