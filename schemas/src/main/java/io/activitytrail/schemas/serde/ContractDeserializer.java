package io.activitytrail.schemas.serde;

import io.activitytrail.schemas.ContractClasses;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a contract type in the Confluent wire format. The writer's schema is fetched from the
 * registry by the id in each message (once per id) and resolved to the current schema, so records
 * written with any published version read as today's class. Setting: {@code registry.url} (see
 * {@link RegistryConfig}). One subclass per contract type, for Kafka's by-name instantiation.
 */
public abstract class ContractDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  static {
    ContractClasses.trust();
  }

  private final Class<T> type;
  private final Schema current;
  private final Map<Integer, SpecificDatumReader<T>> readerById = new ConcurrentHashMap<>();
  private RegistryClient registry;

  protected ContractDeserializer(Class<T> type, RegistryClient registry) {
    this.type = type;
    this.current = SpecificData.get().getSchema(type);
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.registry = new RegistryClient(RegistryConfig.from(configs));
  }

  @Override
  public T deserialize(String topic, byte[] message) {
    if (message == null) {
      return null;
    }
    int id = WireFormat.schemaId(message);
    if (registry == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " used before configure()");
    }
    SpecificDatumReader<T> reader =
        readerById.computeIfAbsent(
            id, schemaId -> new SpecificDatumReader<>(registry.schemaById(schemaId), current));
    BinaryDecoder decoder =
        DecoderFactory.get()
            .binaryDecoder(
                message, WireFormat.HEADER_LENGTH, message.length - WireFormat.HEADER_LENGTH, null);
    try {
      return reader.read(null, decoder);
    } catch (IOException | AvroRuntimeException e) {
      throw new SerializationException(
          "cannot decode a "
              + type.getSimpleName()
              + " from topic "
              + topic
              + " written with schema id "
              + id,
          e);
    }
  }
}
