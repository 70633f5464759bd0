package io.activitytrail.schemas.serde;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.schemas.ContractClasses;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads {@link ActivityEvent}s in the Confluent wire format. The writer's schema is fetched from
 * the registry by the id in each message (once per id) and resolved to the current schema, so
 * records written with any published version read as today's class. Setting: {@code registry.url}
 * (see {@link RegistryConfig}).
 */
public final class ActivityEventDeserializer implements Deserializer<ActivityEvent> {

  static {
    ContractClasses.trust();
  }

  private final Map<Integer, SpecificDatumReader<ActivityEvent>> readerById =
      new ConcurrentHashMap<>();
  private RegistryClient registry;

  /**
   * For Kafka, which instantiates deserializers by class name and then calls {@link #configure}.
   */
  public ActivityEventDeserializer() {}

  public ActivityEventDeserializer(RegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.registry = new RegistryClient(RegistryConfig.from(configs));
  }

  @Override
  public ActivityEvent deserialize(String topic, byte[] message) {
    if (message == null) {
      return null;
    }
    int id = WireFormat.schemaId(message);
    if (registry == null) {
      throw new IllegalStateException("ActivityEventDeserializer used before configure()");
    }
    SpecificDatumReader<ActivityEvent> reader =
        readerById.computeIfAbsent(
            id,
            schemaId ->
                new SpecificDatumReader<>(
                    registry.schemaById(schemaId), ActivityEvent.getClassSchema()));
    BinaryDecoder decoder =
        DecoderFactory.get()
            .binaryDecoder(
                message, WireFormat.HEADER_LENGTH, message.length - WireFormat.HEADER_LENGTH, null);
    try {
      return reader.read(null, decoder);
    } catch (IOException | AvroRuntimeException e) {
      throw new SerializationException(
          "cannot decode an activity event from topic " + topic + " written with schema id " + id,
          e);
    }
  }
}
