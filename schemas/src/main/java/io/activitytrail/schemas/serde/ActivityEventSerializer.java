package io.activitytrail.schemas.serde;

import io.activitytrail.event.ActivityEvent;

/** Writes {@link ActivityEvent}s in the Confluent wire format (see {@link ContractSerializer}). */
public final class ActivityEventSerializer extends ContractSerializer<ActivityEvent> {

  /** For Kafka, which instantiates serializers by class name and then calls {@code configure}. */
  public ActivityEventSerializer() {
    this(null, false);
  }

  public ActivityEventSerializer(RegistryClient registry, boolean isKey) {
    super(ActivityEvent.class, registry, isKey);
  }
}
