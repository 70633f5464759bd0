package io.activitytrail.flink.operators;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Carries a generated Avro record between operators with Avro's own binary encoding.
 *
 * <p>Flink's {@code AvroTypeInfo} analyses generated classes as POJOs and fails on the contract's
 * nested records (IllegalStateException "Expecting type to be a PojoTypeInfo"); the Kryo fallback
 * would copy Avro internals field by field. This type info skips both and uses Flink's {@code
 * AvroSerializer} directly (see {@link ContractAvroSerializer}).
 */
public final class AvroSpecificTypeInfo<T extends SpecificRecord> extends TypeInformation<T> {
  private final Class<T> type;

  public AvroSpecificTypeInfo(Class<T> type) {
    this.type = type;
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
    return new ContractAvroSerializer<>(type);
  }

  @Override
  public String toString() {
    return "AvroSpecificTypeInfo<" + type.getName() + ">";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AvroSpecificTypeInfo<?> that && that.type.equals(type);
  }

  @Override
  public int hashCode() {
    return Objects.hash(AvroSpecificTypeInfo.class, type);
  }

  @Override
  public boolean canEqual(Object other) {
    return other instanceof AvroSpecificTypeInfo;
  }
}
