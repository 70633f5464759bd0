package io.activitytrail.flink.operators;

import io.activitytrail.schemas.ContractClasses;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;

/**
 * Flink's Avro serializer, with the contract's generated classes trusted by Avro 1.12's class
 * validator (which otherwise refuses to instantiate them while copying records between chained
 * operators). The trust is set when this class is first used in a JVM, which on a task manager is
 * when the job's serializers are deserialized, before any record flows.
 */
final class ContractAvroSerializer<T extends SpecificRecord> extends AvroSerializer<T> {
  private static final long serialVersionUID = 1L;

  static {
    ContractClasses.trust();
  }

  ContractAvroSerializer(Class<T> type) {
    super(type);
  }
}
