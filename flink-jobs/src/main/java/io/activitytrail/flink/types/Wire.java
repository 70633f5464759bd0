package io.activitytrail.flink.types;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.types.StringValue;

/** Nullable strings, byte arrays, longs and maps, for the codecs. */
final class Wire {
  private Wire() {}

  /** Any length (writeUTF stops at 64 KiB, a ticket body need not), null kept. */
  static void writeString(DataOutput out, String value) throws IOException {
    StringValue.writeString(value, out);
  }

  static String readString(DataInput in) throws IOException {
    return StringValue.readString(in);
  }

  static void writeBytes(DataOutput out, byte[] value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(value.length);
    out.write(value);
  }

  static byte[] readBytes(DataInput in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] value = new byte[length];
    in.readFully(value);
    return value;
  }

  static void writeLong(DataOutput out, Long value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeLong(value);
    }
  }

  static Long readLong(DataInput in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }

  static void writeStrings(DataOutput out, Map<String, String> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> entry : map.entrySet()) {
      writeString(out, entry.getKey());
      writeString(out, entry.getValue());
    }
  }

  static LinkedHashMap<String, String> readStrings(DataInput in) throws IOException {
    int size = in.readInt();
    LinkedHashMap<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      map.put(readString(in), readString(in));
    }
    return map;
  }

  static void writeByteArrays(DataOutput out, Map<String, byte[]> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, byte[]> entry : map.entrySet()) {
      writeString(out, entry.getKey());
      writeBytes(out, entry.getValue());
    }
  }

  static LinkedHashMap<String, byte[]> readByteArrays(DataInput in) throws IOException {
    int size = in.readInt();
    LinkedHashMap<String, byte[]> map = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      map.put(readString(in), readBytes(in));
    }
    return map;
  }
}
