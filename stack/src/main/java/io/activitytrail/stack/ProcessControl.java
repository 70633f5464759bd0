package io.activitytrail.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Starts detached service processes, tracks them by PID file and stops only verified ones. */
public final class ProcessControl {

  private static final Duration GRACE = Duration.ofSeconds(20);
  private static final int EXEC_READS = 5;

  private final StackConfig config;

  public ProcessControl(StackConfig config) {
    this.config = config;
  }

  /**
   * Starts the command in its own session (setsid) so that Ctrl-C on {@code trail up} does not
   * reach it, appends its output to the service log and records its PID. setsid does not fork here
   * (a child of the JVM is never a process-group leader), so the PID is the service's own.
   */
  public long startDetached(ServiceId service, List<String> command, Map<String, String> env)
      throws IOException {
    Path log = config.logFile(service);
    Files.createDirectories(log.getParent());
    Files.createDirectories(config.runDir());
    List<String> full = new ArrayList<>();
    full.add("setsid");
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full).directory(config.home().toFile());
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = builder.start();
    Files.writeString(config.pidFile(service), process.pid() + "\n");
    return process.pid();
  }

  /** The PID of the service when its PID file names a live process that carries our marker. */
  public OptionalLong runningPid(ServiceId service) {
    OptionalLong pid = recordedPid(service);
    if (pid.isPresent() && isOurs(service, pid.getAsLong())) {
      return pid;
    }
    return OptionalLong.empty();
  }

  public OptionalLong recordedPid(ServiceId service) {
    Path file = config.pidFile(service);
    if (!Files.isRegularFile(file)) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(file).trim()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  public boolean isOurs(ServiceId service, long pid) {
    ServiceMarker marker = new ServiceMarker(service, config.home());
    // A process in the middle of exec (setsid becoming the service) briefly shows an empty command
    // line: read again while it lives, or a starting service looks exited (seen in CI).
    for (int attempt = 0; attempt < EXEC_READS; attempt++) {
      Optional<List<String>> args = commandLine(pid);
      if (args.isPresent()) {
        return marker.matches(args.get());
      }
      if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        return false;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /**
   * The arguments of a live process, empty when it is gone (or a zombie, whose cmdline is empty).
   */
  public static Optional<List<String>> commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      if (raw.length == 0) {
        return Optional.empty();
      }
      String text = new String(raw, StandardCharsets.UTF_8);
      return Optional.of(Arrays.asList(text.split("\0")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Stops the service if it runs: the given signal, then SIGKILL after the grace period. A PID file
   * naming a process that is not ours is only removed, never signalled.
   */
  public boolean stop(ServiceId service, String signal) throws IOException, InterruptedException {
    OptionalLong pid = runningPid(service);
    boolean stopped = false;
    if (pid.isPresent()) {
      signal(pid.getAsLong(), signal);
      if (!awaitExit(service, pid.getAsLong(), GRACE)) {
        signal(pid.getAsLong(), "KILL");
        awaitExit(service, pid.getAsLong(), Duration.ofSeconds(5));
      }
      stopped = true;
    }
    Files.deleteIfExists(config.pidFile(service));
    return stopped;
  }

  private boolean awaitExit(ServiceId service, long pid, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!isOurs(service, pid)) {
        return true;
      }
      Thread.sleep(100);
    }
    return !isOurs(service, pid);
  }

  /**
   * Runs a one-shot set-up command (initdb, storage format, manifest sync) in the foreground, its
   * output appended to the service log; a non-zero exit is an error naming the command.
   */
  public static void runToCompletion(List<String> command, Path log, Duration timeout)
      throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IOException("timed out after " + timeout.toSeconds() + " s: " + command.get(0));
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          "exit code " + process.exitValue() + " from " + String.join(" ", command));
    }
  }

  private static void signal(long pid, String signal) throws IOException, InterruptedException {
    // kill(1) rather than ProcessHandle.destroy(): PostgreSQL needs SIGINT for a fast shutdown.
    new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor();
  }
}
