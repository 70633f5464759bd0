package io.activitytrail.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte 0, the registry's schema id as a 4-byte big-endian int,
 * then the Avro binary encoding. Any Confluent-compatible consumer (Kafka Connect, ksqlDB, Flink's
 * registry formats) reads it.
 */
public final class WireFormat {

  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_LENGTH = 5;

  private WireFormat() {}

  public static byte[] frame(int schemaId, byte[] avroBinary) {
    return ByteBuffer.allocate(HEADER_LENGTH + avroBinary.length)
        .put(MAGIC_BYTE)
        .putInt(schemaId)
        .put(avroBinary)
        .array();
  }

  /** The schema id of a framed message; the Avro payload starts at {@link #HEADER_LENGTH}. */
  public static int schemaId(byte[] message) {
    if (message.length < HEADER_LENGTH) {
      throw new SerializationException(
          "not in the Confluent wire format: "
              + message.length
              + " bytes, shorter than the 5-byte header (magic byte, schema id)");
    }
    if (message[0] != MAGIC_BYTE) {
      throw new SerializationException(
          "not in the Confluent wire format: magic byte is " + message[0] + ", expected 0");
    }
    return ByteBuffer.wrap(message, 1, 4).getInt();
  }
}
