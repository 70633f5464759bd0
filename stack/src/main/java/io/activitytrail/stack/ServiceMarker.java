package io.activitytrail.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * The arguments every process of the stack carries so that a PID read from a file can be checked
 * against /proc/PID/cmdline before it is signalled: PIDs are reused after a crash or a reboot. JVMs
 * carry them as system properties, PostgreSQL as custom settings ({@code -c trail.service=…}).
 */
public record ServiceMarker(ServiceId service, Path home) {

  public List<String> jvmArguments() {
    return List.of("-Dtrail.service=" + service.key(), "-Dtrail.home=" + home);
  }

  public List<String> postgresArguments() {
    return List.of("-c", "trail.service=" + service.key(), "-c", "trail.home=" + home);
  }

  /** True when the command line (the NUL-separated arguments of /proc/PID/cmdline) is ours. */
  public boolean matches(List<String> commandLine) {
    return hasSetting(commandLine, "trail.service=" + service.key())
        && hasSetting(commandLine, "trail.home=" + home);
  }

  private static boolean hasSetting(List<String> commandLine, String setting) {
    return commandLine.stream().anyMatch(a -> a.equals(setting) || a.equals("-D" + setting));
  }
}
