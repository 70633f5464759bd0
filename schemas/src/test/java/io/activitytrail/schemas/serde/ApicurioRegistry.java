package io.activitytrail.schemas.serde;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Apicurio Registry, started as its own process (it needs Java 21+, the build runs on 17),
 * with in-memory storage on free loopback ports. The build unpacks it into target/apicurio (see
 * this module's pom).
 */
final class ApicurioRegistry implements AutoCloseable {

  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);

  private final Process process;
  private final Path log;
  private final URI ccompatUrl;

  private ApicurioRegistry(Process process, Path log, URI ccompatUrl) {
    this.process = process;
    this.log = log;
    this.ccompatUrl = ccompatUrl;
  }

  static ApicurioRegistry start() throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("apicurio.jar", "target/apicurio/quarkus-run.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " is missing: the build unpacks Apicurio there (mvn -pl schemas generate-test-resources)");
    }
    Path work = Path.of(System.getProperty("apicurio.work-dir", "target/apicurio-work"));
    Path tmp = Files.createDirectories(work.resolve("tmp"));
    Path log = work.resolve("registry.log");
    int httpPort = freePort();
    int managementPort = freePort();
    Process process =
        new ProcessBuilder(
                java21().toString(),
                "-Xmx256m",
                "-Djava.io.tmpdir=" + tmp.toAbsolutePath(),
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=" + managementPort,
                "-Dapicurio.storage.kind=sql",
                "-Dapicurio.storage.sql.kind=h2",
                "-Dapicurio.datasource.url=jdbc:h2:mem:registry",
                "-Dapicurio.storage.snapshot.location=" + tmp.toAbsolutePath(),
                "-jar",
                jar.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    ApicurioRegistry registry =
        new ApicurioRegistry(
            process, log, URI.create("http://127.0.0.1:" + httpPort + "/apis/ccompat/v7"));
    try {
      registry.awaitReady();
    } catch (RuntimeException | InterruptedException e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  /** Base URL of the Confluent-compatible API, the value of {@code registry.url}. */
  URI ccompatUrl() {
    return ccompatUrl;
  }

  private void awaitReady() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create(ccompatUrl + "/subjects")).GET().build();
    long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Apicurio Registry exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // keep polling until the deadline
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "Apicurio Registry not ready after " + STARTUP_LIMIT + "; see " + log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** TRAIL_JAVA21_HOME, else this JVM if new enough, else the newest JDK under /usr/lib/jvm. */
  private static Path java21() throws IOException {
    Optional<Path> fromEnv =
        Optional.ofNullable(System.getenv("TRAIL_JAVA21_HOME"))
            .map(home -> Path.of(home, "bin/java"));
    if (fromEnv.isPresent()) {
      return fromEnv.get();
    }
    if (Runtime.version().feature() >= 21) {
      return Path.of(System.getProperty("java.home"), "bin/java");
    }
    Path jvms = Path.of("/usr/lib/jvm");
    List<Path> candidates;
    try (Stream<Path> homes = Files.isDirectory(jvms) ? Files.list(jvms) : Stream.empty()) {
      candidates =
          homes
              .filter(home -> featureVersion(home) >= 21)
              .filter(h -> Files.isExecutable(h.resolve("bin/java")))
              .toList();
    }
    return candidates.stream()
        .max(java.util.Comparator.comparingInt(ApicurioRegistry::featureVersion))
        .map(home -> home.resolve("bin/java"))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Apicurio Registry needs Java 21 or newer: set TRAIL_JAVA21_HOME or install a JDK"
                        + " under /usr/lib/jvm"));
  }

  private static int featureVersion(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return Integer.parseInt(version.split("[.+-]")[0]);
        }
      }
    } catch (IOException | NumberFormatException unreadable) {
      // not a JDK we can use
    }
    return 0;
  }
}
