package io.activitytrail.flink.types;

import java.util.function.IntFunction;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * What a checkpoint records about a {@link TrailSerializer}: its class (by the snapshot's class
 * name, so a snapshot class must never be renamed or moved) and the format version the data was
 * written in (Flink stores it as the snapshot's version).
 *
 * <p>Restoring: the same version is compatible as is; an older readable one is compatible after
 * migration (read with the old layout, written with the new); anything else is incompatible, and
 * Flink refuses to restore rather than misread.
 */
public abstract class TrailSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {
  private final IntFunction<TypeSerializer<T>> serializerReading;
  private int version = TrailFormat.VERSION;

  /**
   * @param serializerReading the serializer that reads a given format version
   */
  protected TrailSerializerSnapshot(IntFunction<TypeSerializer<T>> serializerReading) {
    this.serializerReading = serializerReading;
  }

  @Override
  public final int getCurrentVersion() {
    return TrailFormat.VERSION;
  }

  @Override
  public final void writeSnapshot(DataOutputView out) {
    // the version is all there is to record; Flink writes it ahead of the snapshot
  }

  @Override
  public final void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) {
    version = readVersion;
  }

  @Override
  public final TypeSerializer<T> restoreSerializer() {
    return serializerReading.apply(version);
  }

  @Override
  public final TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
      TypeSerializerSnapshot<T> old) {
    if (old == null || old.getClass() != getClass()) {
      return TypeSerializerSchemaCompatibility.incompatible();
    }
    int written = ((TrailSerializerSnapshot<T>) old).version;
    if (written == TrailFormat.VERSION) {
      return TypeSerializerSchemaCompatibility.compatibleAsIs();
    }
    return TrailFormat.readable(written)
        ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
        : TypeSerializerSchemaCompatibility.incompatible();
  }
}
