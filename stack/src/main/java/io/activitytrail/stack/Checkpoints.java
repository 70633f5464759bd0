package io.activitytrail.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the newest completed Flink checkpoint under the checkpoint root: {@code <root>/<job
 * id>/chk-<n>/_metadata}. A chk folder without _metadata was not completed.
 *
 * <p>The root also holds {@value #FORMAT_FILE}, the job's state format the checkpoints were written
 * in ({@code NormalizerJob.STATE_FORMAT}); checkpoints of another format cannot be restored, and
 * are set aside rather than left to fail every start.
 */
public final class Checkpoints {
  public static final String FORMAT_FILE = "state-format";

  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
  private static final Pattern CHECKPOINT = Pattern.compile("chk-\\d+");

  private Checkpoints() {}

  /**
   * Makes {@code root} hold only checkpoints of {@code format}: when it holds anything written in
   * another format (or before formats were recorded, which was Kryo-serialized state, format 1),
   * moves it aside to a sibling folder and logs why. Records {@code format} in the root.
   *
   * @return the folder the old checkpoints were moved to, if any
   */
  public static Optional<Path> keepOnlyFormat(Path root, int format) {
    try {
      Path marker = root.resolve(FORMAT_FILE);
      Optional<Path> setAside = Optional.empty();
      if (Files.isDirectory(root) && hasCheckpointData(root)) {
        int found =
            Files.isRegularFile(marker) ? Integer.parseInt(Files.readString(marker).strip()) : 1;
        if (found != format) {
          Path aside =
              root.resolveSibling(
                  root.getFileName() + ".format-" + found + "." + System.currentTimeMillis());
          Files.move(root, aside);
          LOG.warn(
              "checkpoints in {} hold state format {}, this engine writes format {}: they cannot"
                  + " be restored, so they are set aside in {} and the job re-reads the CDC topics"
                  + " from the earliest offsets (replayed events collapse by event id; names and"
                  + " displays are rebuilt). Delete {} once the job runs.",
              root,
              found,
              format,
              aside,
              aside);
          setAside = Optional.of(aside);
        }
      }
      Files.createDirectories(root);
      Files.writeString(marker, format + "\n");
      return setAside;
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("cannot check the state format of checkpoints in " + root, e);
    }
  }

  private static boolean hasCheckpointData(Path root) throws IOException {
    try (Stream<Path> entries = Files.list(root)) {
      return entries.anyMatch(p -> !p.getFileName().toString().equals(FORMAT_FILE));
    }
  }

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
