package io.activitytrail.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Expected outputs checked in under {@code src/test/resources}: a test compares what it got with
 * the file, and {@code -Dgolden.update=true} rewrites the file instead (then read the diff).
 */
public final class GoldenFiles {

  private static final Path RESOURCES = Path.of("src/test/resources");

  private GoldenFiles() {}

  /** Asserts {@code actual} equals the golden file {@code name} (relative to test resources). */
  public static void assertMatches(String name, String actual) {
    Path file = RESOURCES.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file).as("golden file %s (create it with -Dgolden.update=true)", file).exists();
      assertThat(actual)
          .as("result against golden file %s", file)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
