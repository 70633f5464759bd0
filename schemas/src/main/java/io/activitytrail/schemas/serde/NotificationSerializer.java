package io.activitytrail.schemas.serde;

import io.activitytrail.event.Notification;

/** Writes {@link Notification}s in the Confluent wire format (see {@link ContractSerializer}). */
public final class NotificationSerializer extends ContractSerializer<Notification> {

  /** For Kafka, which instantiates serializers by class name and then calls {@code configure}. */
  public NotificationSerializer() {
    this(null, false);
  }

  public NotificationSerializer(RegistryClient registry, boolean isKey) {
    super(Notification.class, registry, isKey);
  }
}
