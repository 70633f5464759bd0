package io.activitytrail.schemas.serde;

import io.activitytrail.event.ActivityEvent;

/** Reads {@link ActivityEvent}s in the Confluent wire format (see {@link ContractDeserializer}). */
public final class ActivityEventDeserializer extends ContractDeserializer<ActivityEvent> {

  /** For Kafka, which instantiates deserializers by class name and then calls {@code configure}. */
  public ActivityEventDeserializer() {
    this(null);
  }

  public ActivityEventDeserializer(RegistryClient registry) {
    super(ActivityEvent.class, registry);
  }
}
