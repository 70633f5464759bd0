package io.activitytrail.flink.types;

import java.io.Serializable;
import java.util.function.Supplier;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Type information that hands Flink one of the job's explicit serializers: Flink's own analysis
 * would see records holding maps, lists and interfaces as generic types and fall back to Kryo,
 * whose layout follows the classes silently (see {@link TrailTypes}).
 */
public final class TrailTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  /** A serializer factory that travels with the job graph. */
  public interface SerializerFactory<T> extends Supplier<TypeSerializer<T>>, Serializable {}

  private final Class<T> type;
  private final SerializerFactory<T> serializer;

  public TrailTypeInfo(Class<T> type, SerializerFactory<T> serializer) {
    this.type = type;
    this.serializer = serializer;
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<T> getTypeClass() {
    return type;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return serializer.get();
  }

  @Override
  public String toString() {
    return "TrailTypeInfo<" + type.getSimpleName() + ">";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrailTypeInfo<?> that && that.type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public boolean canEqual(Object other) {
    return other instanceof TrailTypeInfo;
  }
}
