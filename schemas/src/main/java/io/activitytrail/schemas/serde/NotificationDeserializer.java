package io.activitytrail.schemas.serde;

import io.activitytrail.event.Notification;

/** Reads {@link Notification}s in the Confluent wire format (see {@link ContractDeserializer}). */
public final class NotificationDeserializer extends ContractDeserializer<Notification> {

  /** For Kafka, which instantiates deserializers by class name and then calls {@code configure}. */
  public NotificationDeserializer() {
    this(null);
  }

  public NotificationDeserializer(RegistryClient registry) {
    super(Notification.class, registry);
  }
}
