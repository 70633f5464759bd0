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
    Path dir = Files.createDirectories(root.resolve(job).resolve("chk-" + n));
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
}
