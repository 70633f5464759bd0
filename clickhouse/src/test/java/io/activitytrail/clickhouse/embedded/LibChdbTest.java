package io.activitytrail.clickhouse.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibChdbTest {

  @TempDir Path dir;

  @Test
  @DisplayName("the system property wins over the environment and TRAIL_HOME")
  void propertyFirst() throws IOException {
    Path a = Files.createFile(dir.resolve("a.so"));
    Path b = Files.createFile(dir.resolve("b.so"));

    Path found =
        LibChdb.locate(
            Map.of(LibChdb.PROPERTY, a.toString())::get,
            Map.of(LibChdb.ENV, b.toString(), "TRAIL_HOME", dir.toString())::get);

    assertThat(found).isEqualTo(a);
  }

  @Test
  @DisplayName("without property or variable, ${TRAIL_HOME}/native/libchdb.so is used")
  void trailHomeDefault() throws IOException {
    Path lib = Files.createDirectories(dir.resolve("native")).resolve("libchdb.so");
    Files.createFile(lib);

    assertThat(
            LibChdb.locate(
                Map.<String, String>of()::get, Map.of("TRAIL_HOME", dir.toString())::get))
        .isEqualTo(lib);
  }

  @Test
  @DisplayName("a missing library names where it looked and the script that installs it")
  void missingLibraryExplains() {
    assertThatThrownBy(
            () ->
                LibChdb.locate(
                    Map.<String, String>of()::get,
                    Map.of(LibChdb.ENV, dir.resolve("nope.so").toString())::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nope.so")
        .hasMessageContaining(LibChdb.ENV)
        .hasMessageContaining("scripts/fetch-chdb.sh");
  }
}
