package io.activitytrail.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the java executables the services need. */
public final class JavaRuntimes {

  private static final Pattern RELEASE_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

  private JavaRuntimes() {}

  /** The java of this JVM: every service except the registry runs on it. */
  public static Path current() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /**
   * A java of version 21 or newer for Apicurio Registry: TRAIL_JAVA21_HOME, else this JVM if new
   * enough, else the newest JDK under /usr/lib/jvm.
   */
  public static Path java21(Map<String, String> env) {
    String configured = env.get("TRAIL_JAVA21_HOME");
    if (configured != null && !configured.isBlank()) {
      Path home = Path.of(configured);
      int version = majorVersion(home).orElse(0);
      if (version < 21) {
        throw new StackException(
            "registry",
            "TRAIL_JAVA21_HOME="
                + configured
                + " is not a JDK 21 or newer (found version "
                + version
                + ")");
      }
      return home.resolve("bin/java");
    }
    if (Runtime.version().feature() >= 21) {
      return current();
    }
    return newestUnder(Path.of("/usr/lib/jvm"), 21)
        .map(home -> home.resolve("bin/java"))
        .orElseThrow(
            () ->
                new StackException(
                    "registry",
                    "Apicurio Registry needs Java 21 or newer and none was found under"
                        + " /usr/lib/jvm: install one (e.g. apt-get install temurin-25-jdk or"
                        + " openjdk-21-jdk) or set TRAIL_JAVA21_HOME"));
  }

  static Optional<Path> newestUnder(Path root, int minimum) {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(root)) {
      return homes
          .filter(h -> Files.isExecutable(h.resolve("bin/java")))
          .filter(h -> majorVersion(h).orElse(0) >= minimum)
          .max(Comparator.comparingInt(h -> majorVersion(h).orElse(0)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The feature version from the JDK's {@code release} file. */
  static Optional<Integer> majorVersion(Path javaHome) {
    try {
      Matcher m = RELEASE_VERSION.matcher(Files.readString(javaHome.resolve("release")));
      return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
