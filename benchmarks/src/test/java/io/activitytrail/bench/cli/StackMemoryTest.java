package io.activitytrail.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StackMemoryTest {

  @Test
  @DisplayName("VmRSS and VmHWM are read from a /proc status file, in KiB")
  void parsesProcStatus() throws IOException {
    StackMemory.Usage usage =
        StackMemory.parse(Files.readAllLines(Path.of("src/test/resources/bench/proc-status.txt")));

    assertThat(usage).isEqualTo(new StackMemory.Usage(524_288, 786_432));
  }

  @Test
  @DisplayName("this JVM's own /proc status gives a peak at least as large as its current RSS")
  void readsLiveProcess() {
    StackMemory.Usage usage = StackMemory.read(Path.of("/proc/self/status")).orElseThrow();

    assertThat(usage.rssKib()).isPositive();
    assertThat(usage.peakKib()).isGreaterThanOrEqualTo(usage.rssKib());
  }

  @Test
  @DisplayName("the stack's figures are the sums over its services, in MiB")
  void sums() {
    StackMemory memory =
        new StackMemory(
            Map.of(
                "kafka", new StackMemory.Usage(400 * 1024, 500 * 1024),
                "engine", new StackMemory.Usage(900 * 1024, 1000 * 1024)));

    assertThat(memory.toJson())
        .containsEntry("stack_rss_mib", 1300L)
        .containsEntry("stack_peak_rss_mib", 1500L);
  }

  @Test
  @DisplayName("a process that ended before its status was read is left out, not an error")
  void goneProcess() {
    assertThat(StackMemory.read(Path.of("/proc/does-not-exist/status"))).isEmpty();
  }
}
