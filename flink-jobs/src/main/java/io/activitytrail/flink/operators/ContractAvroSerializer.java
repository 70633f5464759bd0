package io.activitytrail.flink.operators;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.SourcePosition;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
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
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(
            ClassSecurityValidator.getGlobal(),
            ClassSecurityValidator.builder()
                .add(ActivityEvent.class)
                .add(Actor.class)
                .add(FieldChange.class)
                .add(SourcePosition.class)
                .add(Category.class)
                .build()));
  }

  ContractAvroSerializer(Class<T> type) {
    super(type);
  }
}
