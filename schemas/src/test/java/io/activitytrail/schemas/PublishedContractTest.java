package io.activitytrail.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The build-time gate: a schema change that breaks a published version fails the build. */
@DisplayName("The published contract")
class PublishedContractTest {

  static final Path PUBLISHED =
      Path.of(System.getProperty("published.schemas.dir", "src/main/avro-published"));

  static Stream<PublishedSchema> publishedVersions() {
    return PublishedSchemas.names(PUBLISHED).stream()
        .flatMap(name -> PublishedSchemas.load(PUBLISHED, name).stream());
  }

  @Test
  @DisplayName(
      "has published versions of ActivityEvent, the value of the activity and audit topics")
  void activityEventIsPublished() {
    assertThat(PublishedSchemas.load(PUBLISHED, "ActivityEvent")).isNotEmpty();
  }

  @ParameterizedTest(name = "the current {0} reads it and is read by it (FULL_TRANSITIVE)")
  @MethodSource("publishedVersions")
  @DisplayName("stays compatible in both directions with every published version")
  void currentSchemaIsCompatibleWith(PublishedSchema version) {
    List<Incompatibility> found =
        CompatibilityCheck.fullTransitive(
            ContractSchemas.current(version.name()), List.of(version));

    assertThat(found)
        .withFailMessage(
            () ->
                "The current "
                    + version.name()
                    + " breaks "
                    + version.label()
                    + " (see docs/event-contract.md for what may change):\n"
                    + found.stream().map(i -> "  - " + i).collect(Collectors.joining("\n")))
        .isEmpty();
  }
}
