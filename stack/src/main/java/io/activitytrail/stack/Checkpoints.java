package io.activitytrail.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the newest completed Flink checkpoint under the checkpoint root: {@code <root>/<job
 * id>/chk-<n>/_metadata}. A chk folder without _metadata was not completed.
 */
public final class Checkpoints {

  private static final Pattern CHECKPOINT = Pattern.compile("chk-\\d+");

  private Checkpoints() {}

  public static Optional<Path> latestCompleted(Path root) {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> jobs = Files.list(root)) {
      return jobs.filter(Files::isDirectory)
          .flatMap(Checkpoints::completedIn)
          .max(Comparator.comparing(Checkpoints::completedAt))
          .map(Path::getParent);
    } catch (IOException e) {
      throw new IllegalStateException("cannot list checkpoints under " + root, e);
    }
  }

  private static Stream<Path> completedIn(Path jobDir) {
    try (Stream<Path> entries = Files.list(jobDir)) {
      return entries
          .filter(p -> CHECKPOINT.matcher(p.getFileName().toString()).matches())
          .map(p -> p.resolve("_metadata"))
          .filter(Files::isRegularFile)
          .toList()
          .stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  private static FileTime completedAt(Path metadata) {
    try {
      return Files.getLastModifiedTime(metadata);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
