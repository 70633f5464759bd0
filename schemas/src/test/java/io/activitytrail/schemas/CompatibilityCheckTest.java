package io.activitytrail.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.activitytrail.schemas.Incompatibility.Direction;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The FULL_TRANSITIVE compatibility check")
class CompatibilityCheckTest {

  private static final Schema CURRENT = ContractSchemas.current("ActivityEvent");
  private static final List<PublishedSchema> ONLY_CURRENT =
      List.of(new PublishedSchema("ActivityEvent", 1, CURRENT));

  @Test
  @DisplayName("accepts a new optional field with a default")
  void acceptsOptionalFieldWithDefault() {
    Schema candidate =
        SchemaEdit.addField(
            CURRENT, "", "{\"name\":\"locale\",\"type\":[\"null\",\"string\"],\"default\":null}");

    assertThat(CompatibilityCheck.fullTransitive(candidate, ONLY_CURRENT)).isEmpty();
  }

  @Test
  @DisplayName("rejects dropping a field without default: old consumers cannot read new records")
  void rejectsDroppedRequiredField() {
    Schema candidate = SchemaEdit.dropField(CURRENT, "event_id");

    assertThat(CompatibilityCheck.fullTransitive(candidate, ONLY_CURRENT))
        .extracting(Incompatibility::direction, Incompatibility::field, Incompatibility::type)
        .containsExactly(
            tuple(
                Direction.PUBLISHED_READS_CANDIDATE,
                "event_id",
                SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE));
  }

  @Test
  @DisplayName("rejects a new field without default: new consumers cannot read old records")
  void rejectsNewRequiredField() {
    Schema candidate =
        SchemaEdit.addField(CURRENT, "actor", "{\"name\":\"team\",\"type\":\"string\"}");

    assertThat(CompatibilityCheck.fullTransitive(candidate, ONLY_CURRENT))
        .extracting(Incompatibility::direction, Incompatibility::field, Incompatibility::type)
        .containsExactly(
            tuple(
                Direction.CANDIDATE_READS_PUBLISHED,
                "actor.team",
                SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE));
  }

  @Test
  @DisplayName(
      "rejects a changed field type in a nested record, naming the field in both directions")
  void rejectsChangedNestedType() {
    Schema candidate = SchemaEdit.changeFieldType(CURRENT, "source.lsn", "[\"null\",\"string\"]");

    assertThat(CompatibilityCheck.fullTransitive(candidate, ONLY_CURRENT))
        .extracting(Incompatibility::direction, Incompatibility::field, Incompatibility::reason)
        .containsExactly(
            tuple(
                Direction.CANDIDATE_READS_PUBLISHED,
                "source.lsn",
                "reader union lacking writer type: LONG"),
            tuple(
                Direction.PUBLISHED_READS_CANDIDATE,
                "source.lsn",
                "reader union lacking writer type: STRING"));
  }

  @Test
  @DisplayName(
      "rejects removing a symbol of the category enum: new consumers cannot read old audit events")
  void rejectsRemovedEnumSymbol() {
    Schema candidate = SchemaEdit.removeEnumSymbol(CURRENT, "category", "audit");

    assertThat(CompatibilityCheck.fullTransitive(candidate, ONLY_CURRENT))
        .extracting(Incompatibility::direction, Incompatibility::field, Incompatibility::type)
        .containsExactly(
            tuple(
                Direction.CANDIDATE_READS_PUBLISHED,
                "category",
                SchemaIncompatibilityType.MISSING_ENUM_SYMBOLS));
  }

  @Test
  @DisplayName(
      "rejects a new symbol of the category enum: old consumers have no default symbol to fall back to")
  void rejectsAddedEnumSymbol() {
    Schema candidate = SchemaEdit.addEnumSymbol(CURRENT, "category", "security");

    assertThat(CompatibilityCheck.fullTransitive(candidate, ONLY_CURRENT))
        .extracting(Incompatibility::direction, Incompatibility::field, Incompatibility::type)
        .containsExactly(
            tuple(
                Direction.PUBLISHED_READS_CANDIDATE,
                "category",
                SchemaIncompatibilityType.MISSING_ENUM_SYMBOLS));
  }

  @Test
  @DisplayName("names a field inside the array of changes")
  void namesFieldInsideArray() {
    Schema candidate = SchemaEdit.changeFieldType(CURRENT, "changes.field", "\"int\"");

    assertThat(CompatibilityCheck.fullTransitive(candidate, ONLY_CURRENT))
        .extracting(Incompatibility::field)
        .containsOnly("changes[].field");
  }

  @Test
  @DisplayName("checks every published version, not only the newest")
  void checksEveryVersion() {
    Schema v2 = SchemaEdit.removeDefault(CURRENT, "record_display");
    List<PublishedSchema> published =
        List.of(
            new PublishedSchema(
                "ActivityEvent", 1, SchemaEdit.dropField(CURRENT, "record_display")),
            new PublishedSchema("ActivityEvent", 2, v2));

    List<Incompatibility> found = CompatibilityCheck.fullTransitive(v2, published);

    assertThat(found)
        .extracting(i -> i.against().version(), Incompatibility::direction, Incompatibility::field)
        .containsExactly(tuple(1, Direction.CANDIDATE_READS_PUBLISHED, "record_display"));
    assertThat(found.get(0).toString())
        .startsWith("ActivityEvent v1, CANDIDATE_READS_PUBLISHED: record_display: ");
  }
}
