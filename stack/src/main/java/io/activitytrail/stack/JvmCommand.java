package io.activitytrail.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The java command line every JVM service shares: marker, own temp folder, log configuration. */
final class JvmCommand {

  private JvmCommand() {}

  static List<String> of(
      StackConfig config, ServiceId service, Path java, String heap, List<String> rest) {
    Path tmp = config.tmpDir(service.key());
    try {
      Files.createDirectories(tmp);
    } catch (IOException e) {
      throw new StackException(service.key(), null, "cannot create " + tmp, e);
    }
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-Xmx" + heap);
    command.addAll(new ServiceMarker(service, config.home()).jvmArguments());
    // Flink, Connect and Quarkus leave files in the temp folder: keep them under .trail, per
    // service.
    command.add("-Djava.io.tmpdir=" + tmp);
    command.add("-Dlog4j2.configurationFile=" + LogConfig.write(config));
    command.addAll(rest);
    return command;
  }
}
