package io.activitytrail.flink.types;

import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A serializer of one of the job's immutable values: writes {@link TrailFormat#VERSION}, reads the
 * version it was created for (the current one, or an older one when Flink restores state written by
 * an earlier release).
 *
 * <p>Immutable: the job never changes a decoded value after decoding, so copies between chained
 * operators share the instance instead of copying it field by field.
 */
public abstract class TrailSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final int readVersion;

  protected TrailSerializer(int readVersion) {
    this.readVersion = readVersion;
  }

  protected abstract void write(T value, DataOutputView out) throws IOException;

  protected abstract T read(DataInputView in, int version) throws IOException;

  @Override
  public final boolean isImmutableType() {
    return true;
  }

  @Override
  public final TypeSerializer<T> duplicate() {
    return this;
  }

  @Override
  public final T createInstance() {
    return null;
  }

  @Override
  public final T copy(T from) {
    return from;
  }

  @Override
  public final T copy(T from, T reuse) {
    return from;
  }

  @Override
  public final int getLength() {
    return -1;
  }

  @Override
  public final void serialize(T value, DataOutputView out) throws IOException {
    write(value, out);
  }

  @Override
  public final T deserialize(DataInputView in) throws IOException {
    if (!TrailFormat.readable(readVersion)) {
      throw new IOException(
          getClass().getSimpleName()
              + " cannot read format version "
              + readVersion
              + " (reads "
              + TrailFormat.OLDEST_READABLE
              + " to "
              + TrailFormat.VERSION
              + ")");
    }
    return read(in, readVersion);
  }

  @Override
  public final T deserialize(T reuse, DataInputView in) throws IOException {
    return deserialize(in);
  }

  @Override
  public final void copy(DataInputView in, DataOutputView out) throws IOException {
    serialize(deserialize(in), out);
  }

  @Override
  public final boolean equals(Object other) {
    return other != null
        && other.getClass() == getClass()
        && ((TrailSerializer<?>) other).readVersion == readVersion;
  }

  @Override
  public final int hashCode() {
    return Objects.hash(getClass(), readVersion);
  }
}
