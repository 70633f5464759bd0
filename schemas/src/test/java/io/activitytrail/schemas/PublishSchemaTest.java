package io.activitytrail.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Publishing a schema version")
class PublishSchemaTest {

  private static final Schema CURRENT = ContractSchemas.current("ActivityEvent");

  @TempDir Path root;

  @Test
  @DisplayName(
      "writes the first version as v1.avsc, a self-contained schema without Java-only properties")
  void writesFirstVersion() throws Exception {
    Path written = PublishSchema.publish(root, CURRENT).orElseThrow();

    assertThat(written).isEqualTo(root.resolve("ActivityEvent/v1.avsc"));
    assertThat(Files.readString(written)).doesNotContain("avro.java.string");
    assertThat(PublishedSchemas.load(root, "ActivityEvent"))
        .singleElement()
        .extracting(PublishedSchema::schema)
        .isEqualTo(CURRENT);
  }

  @Test
  @DisplayName("writes nothing when the schema equals the newest published version")
  void skipsUnchangedSchema() throws Exception {
    PublishSchema.publish(root, CURRENT);

    assertThat(PublishSchema.publish(root, CURRENT)).isEmpty();
    assertThat(root.resolve("ActivityEvent/v2.avsc")).doesNotExist();
  }

  @Test
  @DisplayName("writes a compatible change as the next version")
  void writesNextVersion() throws Exception {
    PublishSchema.publish(root, CURRENT);
    Schema next =
        SchemaEdit.addField(
            CURRENT, "", "{\"name\":\"locale\",\"type\":[\"null\",\"string\"],\"default\":null}");

    assertThat(PublishSchema.publish(root, next)).contains(root.resolve("ActivityEvent/v2.avsc"));
  }

  @Test
  @DisplayName("refuses an incompatible change, listing field and reason, and writes nothing")
  void refusesIncompatibleChange() throws Exception {
    PublishSchema.publish(root, CURRENT);
    Schema broken = SchemaEdit.dropField(CURRENT, "workspace_id");

    assertThatThrownBy(() -> PublishSchema.publish(root, broken))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("ActivityEvent v1, PUBLISHED_READS_CANDIDATE: workspace_id: ")
        .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE");
    assertThat(root.resolve("ActivityEvent/v2.avsc")).doesNotExist();
  }

  @Test
  @DisplayName(
      "refuses to load versions with a gap, since the check would silently skip the missing one")
  void refusesGapInVersions() throws Exception {
    Path dir = Files.createDirectories(root.resolve("ActivityEvent"));
    Files.writeString(dir.resolve("v1.avsc"), CURRENT.toString());
    Files.writeString(dir.resolve("v3.avsc"), CURRENT.toString());

    assertThatThrownBy(() -> PublishedSchemas.load(root, "ActivityEvent"))
        .hasMessageContaining("v2 is missing");
  }

  @Test
  @DisplayName("refuses a file that is not named v<N>.avsc")
  void refusesBadFileName() throws Exception {
    Path dir = Files.createDirectories(root.resolve("ActivityEvent"));
    Files.writeString(dir.resolve("latest.avsc"), CURRENT.toString());

    assertThatThrownBy(() -> PublishedSchemas.load(root, "ActivityEvent"))
        .hasMessageContaining("latest.avsc")
        .hasMessageContaining("must be named v<N>.avsc");
  }
}
