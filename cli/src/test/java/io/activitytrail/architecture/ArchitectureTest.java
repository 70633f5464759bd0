package io.activitytrail.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The module graph of docs/architecture.md, as rules over the production classes. Maven already
 * refuses cycles between modules; these also refuse them between packages, keep each module to the
 * layers below it, and keep the API free of the pipeline's runtimes.
 */
class ArchitectureTest {

  /** The production classes of every module, from this module's classes and its siblings' jars. */
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("io.activitytrail");

  @Test
  @DisplayName("no package depends on itself through others")
  void noPackageCycles() {
    slices().matching("io.activitytrail.(**)").should().beFreeOfCycles().check(projectClasses());
  }

  @Test
  @DisplayName("each module uses only the modules below it")
  void modulesFollowTheGraph() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("schemas")
        .definedBy("io.activitytrail.schemas..", "io.activitytrail.event..")
        .layer("mapping")
        .definedBy("io.activitytrail.mapping..")
        .layer("clickhouse")
        .definedBy(
            "io.activitytrail.clickhouse",
            "io.activitytrail.clickhouse.embedded..",
            "io.activitytrail.clickhouse.server..",
            "io.activitytrail.clickhouse.target..")
        .layer("sink-clickhouse")
        .definedBy("io.activitytrail.clickhouse.sink..")
        .layer("alerts")
        .definedBy("io.activitytrail.alerts..")
        .layer("integrity")
        .definedBy("io.activitytrail.integrity..")
        .layer("ingest")
        .definedBy("io.activitytrail.ingest..")
        .layer("flink-jobs")
        .definedBy("io.activitytrail.flink..")
        .layer("api")
        .definedBy("io.activitytrail.api..", "io.activitytrail.export..")
        .layer("stack")
        .definedBy("io.activitytrail.stack..")
        .layer("cli")
        .definedBy("io.activitytrail.cli..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("stack")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("api")
        .mayOnlyBeAccessedByLayers("stack", "cli")
        .whereLayer("flink-jobs")
        .mayOnlyBeAccessedByLayers("stack")
        .whereLayer("alerts")
        .mayOnlyBeAccessedByLayers("flink-jobs", "stack", "cli")
        .whereLayer("integrity")
        .mayOnlyBeAccessedByLayers(
            "clickhouse", "sink-clickhouse", "flink-jobs", "api", "stack", "cli")
        .whereLayer("ingest")
        .mayOnlyBeAccessedByLayers("stack", "cli")
        .whereLayer("sink-clickhouse")
        .mayOnlyBeAccessedByLayers("flink-jobs")
        .whereLayer("clickhouse")
        .mayOnlyBeAccessedByLayers("sink-clickhouse", "flink-jobs", "api", "stack", "cli")
        .whereLayer("mapping")
        .mayOnlyBeAccessedByLayers("alerts", "flink-jobs", "api", "stack", "cli")
        .check(projectClasses());
  }

  @Test
  @DisplayName("the API and the ClickHouse read side use no Flink, Kafka or JDBC")
  void apiStaysSmall() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.activitytrail.api..",
            "io.activitytrail.export..",
            "io.activitytrail.mapping..",
            "io.activitytrail.clickhouse",
            "io.activitytrail.clickhouse.embedded..",
            "io.activitytrail.clickhouse.server..",
            "io.activitytrail.clickhouse.target..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.flink..", "org.apache.kafka..", "java.sql..")
        .check(projectClasses());
  }

  private static JavaClasses projectClasses() {
    // An import that found only this module would pass every rule vacuously.
    if (CLASSES.stream().noneMatch(c -> c.getPackageName().startsWith("io.activitytrail.flink"))) {
      throw new IllegalStateException(
          "the sibling modules' classes were not found on the classpath");
    }
    return CLASSES;
  }
}
