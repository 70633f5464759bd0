package io.activitytrail.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessControlTest {

  @TempDir Path home;

  private StackConfig config() {
    return new StackConfig(home, home, StackPorts.defaults());
  }

  /** A JVM-free process that carries the marker like a service: sleep cannot take -D flags. */
  private List<String> markedSleeper(ServiceId id, Path markerHome) {
    List<String> command = new ArrayList<>(List.of("bash", "-c", "sleep 60; true", "sleeper"));
    command.addAll(new ServiceMarker(id, markerHome).jvmArguments());
    return command;
  }

  @Test
  @DisplayName("a started process is recognised by its marker and stopped by SIGTERM")
  void startAndStop() throws Exception {
    ProcessControl control = new ProcessControl(config());
    long pid =
        control.startDetached(ServiceId.KAFKA, markedSleeper(ServiceId.KAFKA, home), Map.of());

    assertThat(control.runningPid(ServiceId.KAFKA)).hasValue(pid);
    assertThat(Files.readString(config().pidFile(ServiceId.KAFKA)).trim())
        .isEqualTo(Long.toString(pid));

    assertThat(control.stop(ServiceId.KAFKA, "TERM")).isTrue();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(config().pidFile(ServiceId.KAFKA)).doesNotExist();
  }

  @Test
  @DisplayName(
      "a PID file naming someone else's process is removed but the process is not signalled")
  void foreignPidIsNeverSignalled() throws Exception {
    Process stranger = new ProcessBuilder("sleep", "60").start();
    try {
      Files.createDirectories(config().runDir());
      Files.writeString(config().pidFile(ServiceId.ENGINE), stranger.pid() + "\n");
      ProcessControl control = new ProcessControl(config());

      assertThat(control.runningPid(ServiceId.ENGINE)).isEmpty();
      assertThat(control.stop(ServiceId.ENGINE, "KILL")).isFalse();
      assertThat(stranger.isAlive()).isTrue();
      assertThat(config().pidFile(ServiceId.ENGINE)).doesNotExist();
    } finally {
      stranger.destroyForcibly();
    }
  }

  @Test
  @DisplayName("a process of another stack home (same service name) is not ours")
  void otherHomeIsNotOurs() throws Exception {
    ProcessControl control = new ProcessControl(config());
    long pid =
        control.startDetached(
            ServiceId.CONNECT, markedSleeper(ServiceId.CONNECT, home.resolve("other")), Map.of());
    try {
      assertThat(control.isOurs(ServiceId.CONNECT, pid)).isFalse();
      assertThat(control.isOurs(ServiceId.CONNECT, ProcessHandle.current().pid())).isFalse();
    } finally {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  @DisplayName("a stale PID file of a dead process reads as not running")
  void stalePidFile() throws Exception {
    Files.createDirectories(config().runDir());
    Files.writeString(config().pidFile(ServiceId.POSTGRES), "999999999\n");
    assertThat(new ProcessControl(config()).runningPid(ServiceId.POSTGRES)).isEmpty();
  }

  @Test
  @DisplayName("PostgreSQL's marker is a pair of -c settings, a JVM's a pair of -D properties")
  void markers() {
    ServiceMarker marker = new ServiceMarker(ServiceId.POSTGRES, Path.of("/h"));
    List<String> pg = new ArrayList<>(List.of("/h/pg/bin/postgres", "-D", "/h/data/postgres"));
    pg.addAll(marker.postgresArguments());
    assertThat(marker.matches(pg)).isTrue();
    assertThat(marker.matches(List.of("/h/pg/bin/postgres", "-c", "trail.service=postgres")))
        .isFalse();
    assertThat(new ServiceMarker(ServiceId.KAFKA, Path.of("/h")).matches(pg)).isFalse();
  }
}
