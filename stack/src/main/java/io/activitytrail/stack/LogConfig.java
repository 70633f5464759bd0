package io.activitytrail.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Puts the services' log4j2 configuration (INFO to stdout, i.e. the service log) under .trail. */
final class LogConfig {

  private LogConfig() {}

  static Path write(StackConfig config) {
    Path target = config.confDir().resolve("log4j2-service.xml");
    try (InputStream in = LogConfig.class.getResourceAsStream("/trail/log4j2-service.xml")) {
      if (in == null) {
        throw new IOException("resource /trail/log4j2-service.xml is missing from the cli jar");
      }
      Files.createDirectories(target.getParent());
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new StackException("stack", null, "cannot write " + target, e);
    }
  }
}
