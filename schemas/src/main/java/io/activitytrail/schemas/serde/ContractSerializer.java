package io.activitytrail.schemas.serde;

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
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a contract type in the Confluent wire format, registering its current schema under the
 * topic's subject ({@link TopicNameStrategy}) on first use. Setting: {@code registry.url} (see
 * {@link RegistryConfig}). One subclass per contract type, for Kafka's by-name instantiation.
 */
public abstract class ContractSerializer<T extends SpecificRecord> implements Serializer<T> {

  static {
    ContractClasses.trust();
  }

  private final Class<T> type;
  // Registered without the generator's Java-only properties: consumers in other languages read it.
  private final Schema registered;
  private final SpecificDatumWriter<T> writer;
  private final Map<String, Integer> idBySubject = new ConcurrentHashMap<>();
  private RegistryClient registry;
  private boolean isKey;

  protected ContractSerializer(Class<T> type, RegistryClient registry, boolean isKey) {
    this.type = type;
    this.registered = ContractSchemas.current(type.getSimpleName());
    this.writer = new SpecificDatumWriter<>(type);
    this.registry = registry;
    this.isKey = isKey;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.registry = new RegistryClient(RegistryConfig.from(configs));
    this.isKey = isKey;
  }

  @Override
  public byte[] serialize(String topic, T value) {
    if (value == null) {
      return null;
    }
    if (registry == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " used before configure()");
    }
    int id =
        idBySubject.computeIfAbsent(
            TopicNameStrategy.subject(topic, isKey),
            subject -> registry.register(subject, registered));
    return WireFormat.frame(id, avroBinary(value));
  }

  private byte[] avroBinary(T value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      writer.write(value, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot encode a " + type.getSimpleName(), e);
    }
    return out.toByteArray();
  }
}
