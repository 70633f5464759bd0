package io.activitytrail.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {

  @TempDir Path root;

  private Path checkpoint(String job, int n, long completedAtMillis) throws Exception {
    return checkpoint(root, job, n, completedAtMillis);
  }

  private static Path checkpoint(Path base, String job, int n, long completedAtMillis)
      throws Exception {
    Path dir = Files.createDirectories(base.resolve(job).resolve("chk-" + n));
    Path metadata = Files.writeString(dir.resolve("_metadata"), "x");
    Files.setLastModifiedTime(metadata, FileTime.fromMillis(completedAtMillis));
    return dir;
  }

  @Test
  @DisplayName("the newest completed checkpoint wins, across the folders of earlier job runs")
  void newestAcrossJobs() throws Exception {
    checkpoint("job-a", 7, 1_000);
    Path newest = checkpoint("job-b", 2, 5_000);
    checkpoint("job-b", 1, 4_000);
    assertThat(Checkpoints.latestCompleted(root)).contains(newest);
  }

  @Test
  @DisplayName("a chk folder without _metadata (not completed) is never chosen")
  void incompleteIgnored() throws Exception {
    Path done = checkpoint("job-a", 1, 1_000);
    Files.createDirectories(root.resolve("job-a/chk-2"));
    Files.createDirectories(root.resolve("job-a/shared"));
    assertThat(Checkpoints.latestCompleted(root)).contains(done);
  }

  @Test
  @DisplayName("no checkpoint folder yet means a fresh start")
  void none() {
    assertThat(Checkpoints.latestCompleted(root.resolve("missing"))).isEmpty();
    assertThat(Checkpoints.latestCompleted(root)).isEmpty();
  }

  @Test
  @DisplayName(
      "checkpoints from before state formats were recorded (Kryo state) are set aside, and the new format is recorded")
  void unrecordedFormatSetAside() throws Exception {
    Path checkpoints = root.resolve("flink-checkpoints");
    checkpoint(checkpoints, "job-a", 3, 1_000);

    var aside = Checkpoints.keepOnlyFormat(checkpoints, 2);

    assertThat(aside).isPresent();
    assertThat(aside.get().getFileName().toString()).startsWith("flink-checkpoints.format-1.");
    assertThat(aside.get().resolve("job-a/chk-3/_metadata")).exists();
    assertThat(Checkpoints.latestCompleted(checkpoints)).isEmpty();
    assertThat(Files.readString(checkpoints.resolve(Checkpoints.FORMAT_FILE)).strip())
        .isEqualTo("2");
  }

  @Test
  @DisplayName("checkpoints of another recorded format are set aside; of the same format, kept")
  void formatCompared() throws Exception {
    Path checkpoints = root.resolve("flink-checkpoints");
    Checkpoints.keepOnlyFormat(checkpoints, 2);
    Path kept = checkpoint(checkpoints, "job-a", 1, 1_000);

    assertThat(Checkpoints.keepOnlyFormat(checkpoints, 2)).isEmpty();
    assertThat(Checkpoints.latestCompleted(checkpoints)).contains(kept);

    assertThat(Checkpoints.keepOnlyFormat(checkpoints, 3)).isPresent();
    assertThat(Checkpoints.latestCompleted(checkpoints)).isEmpty();
  }

  @Test
  @DisplayName("a fresh home gets the format recorded and nothing set aside")
  void freshHome() throws Exception {
    Path fresh = root.resolve("flink-checkpoints");

    assertThat(Checkpoints.keepOnlyFormat(fresh, 2)).isEmpty();
    assertThat(Files.readString(fresh.resolve(Checkpoints.FORMAT_FILE)).strip()).isEqualTo("2");
    assertThat(Checkpoints.keepOnlyFormat(fresh, 2)).isEmpty();
  }
}
