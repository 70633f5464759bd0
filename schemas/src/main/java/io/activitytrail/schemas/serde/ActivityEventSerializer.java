package io.activitytrail.schemas.serde;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.schemas.ContractClasses;
import io.activitytrail.schemas.ContractSchemas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes {@link ActivityEvent}s in the Confluent wire format, registering the current schema under
 * the topic's subject ({@link TopicNameStrategy}) on first use. Setting: {@code registry.url} (see
 * {@link RegistryConfig}).
 */
public final class ActivityEventSerializer implements Serializer<ActivityEvent> {

  static {
    ContractClasses.trust();
  }

  // Registered without the generator's Java-only properties: consumers in other languages read it.
  private static final Schema REGISTERED = ContractSchemas.current("ActivityEvent");

  private final SpecificDatumWriter<ActivityEvent> writer =
      new SpecificDatumWriter<>(ActivityEvent.getClassSchema());
  private final Map<String, Integer> idBySubject = new ConcurrentHashMap<>();
  private RegistryClient registry;
  private boolean isKey;

  /** For Kafka, which instantiates serializers by class name and then calls {@link #configure}. */
  public ActivityEventSerializer() {}

  public ActivityEventSerializer(RegistryClient registry, boolean isKey) {
    this.registry = registry;
    this.isKey = isKey;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.registry = new RegistryClient(RegistryConfig.from(configs));
    this.isKey = isKey;
  }

  @Override
  public byte[] serialize(String topic, ActivityEvent event) {
    if (event == null) {
      return null;
    }
    if (registry == null) {
      throw new IllegalStateException("ActivityEventSerializer used before configure()");
    }
    int id =
        idBySubject.computeIfAbsent(
            TopicNameStrategy.subject(topic, isKey),
            subject -> registry.register(subject, REGISTERED));
    return WireFormat.frame(id, avroBinary(event));
  }

  private byte[] avroBinary(ActivityEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      writer.write(event, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot encode activity event " + event.getEventId(), e);
    }
    return out.toByteArray();
  }
}
