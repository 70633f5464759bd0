package io.activitytrail.schemas;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.Notification;
import io.activitytrail.event.NotificationChannel;
import io.activitytrail.event.SourcePosition;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate classes outside a few trusted packages when it resolves a schema
 * to a class (reading and writing specific records, copying them in Flink). The contract's
 * generated classes are ours, so every reader and writer of the contract trusts them through this
 * one place.
 */
public final class ContractClasses {

  private static volatile boolean trusted;

  private ContractClasses() {}

  /**
   * Adds the contract's generated classes to Avro's global class validator; repeated calls do
   * nothing.
   */
  public static synchronized void trust() {
    if (trusted) {
      return;
    }
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(
            ClassSecurityValidator.getGlobal(),
            ClassSecurityValidator.builder()
                .add(ActivityEvent.class)
                .add(Actor.class)
                .add(FieldChange.class)
                .add(SourcePosition.class)
                .add(Category.class)
                .add(Notification.class)
                .add(NotificationChannel.class)
                .build()));
    trusted = true;
  }
}
