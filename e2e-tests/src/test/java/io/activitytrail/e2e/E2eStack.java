package io.activitytrail.e2e;

import io.activitytrail.api.ApiSecret;
import io.activitytrail.stack.LocalStack;
import io.activitytrail.stack.ServiceId;
import io.activitytrail.stack.StackConfig;
import io.activitytrail.stack.StackPorts;
import io.activitytrail.stack.mail.HostPort;
import io.activitytrail.stack.mail.MailboxReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

/**
 * The local stack as {@code trail up} starts it, in a home of its own under target/ and on ports of
 * its own, so a developer's running stack is left alone. One stack serves every test class of the
 * test JVM: {@link #shared()} starts it on first use and a shutdown hook stops it. A file lock
 * makes a second test JVM on the machine wait instead of fighting over the ports.
 */
final class E2eStack {
  private static final StackPorts PORTS =
      new StackPorts(
          25432, 29092, 29093, 28083, 28081, 29081, 28080, 28123, 29249, 23025, 23143, 23080);
  private static E2eStack shared;
  // Held in a field for the JVM's life: an unreferenced channel is closed when collected, and its
  // lock with it (seen: a second run started its stack on the ports of one still running).
  private static FileLock portsLock;

  private final LocalStack stack;

  private E2eStack(LocalStack stack) {
    this.stack = stack;
  }

  static synchronized E2eStack shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared.stack::down, "e2e-stack-down"));
    }
    return shared;
  }

  private static E2eStack start() {
    Path repo = Path.of(System.getProperty("trail.repo", "..")).toAbsolutePath().normalize();
    Path home = Path.of(System.getProperty("trail.e2e.home", "target/trail-home"));
    lockPorts(home);
    StackConfig config = new StackConfig(repo, home, PORTS);
    writeEngineOptions(config);
    LocalStack stack =
        LocalStack.create(config).onProgress(line -> System.out.println("[stack] " + line));
    // A previous run killed mid-way may have left processes: the stack stops them by PID first.
    stack.down();
    stack.up(Duration.ofMinutes(5));
    return new E2eStack(stack);
  }

  /**
   * Email batches wait 5 s of quiet instead of the stack's 10 s, and 30 s at most: the tests wait
   * for every batch they cause.
   */
  static final Duration EMAIL_QUIET_PERIOD = Duration.ofSeconds(5);

  private static void writeEngineOptions(StackConfig config) {
    try {
      Files.createDirectories(config.confDir());
      Files.writeString(
          config.engineOptionsFile(),
          "notifications.email.quiet-period="
              + EMAIL_QUIET_PERIOD.toSeconds()
              + " s\nnotifications.email.max-delay=30 s\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Held until this JVM exits (the OS releases it even after a crash). */
  @SuppressWarnings("resource")
  private static synchronized void lockPorts(Path home) {
    if (portsLock != null) {
      return;
    }
    try {
      Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "activity-trail-e2e.lock");
      Files.createDirectories(home);
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        System.out.println("[stack] another end-to-end run holds " + lockFile + "; waiting");
        lock = channel.lock();
      }
      portsLock = lock;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The mail piece's SMTP server, where the engine sends notification email. */
  HostPort smtp() {
    return stack.config().smtp();
  }

  /** Reads any mailbox of the mail piece over IMAP, the address as login. */
  MailboxReader mail() {
    return MailboxReader.forLocalStack(stack.config().imap(), stack.config().mailApiUrl());
  }

  String apiUrl() {
    return stack.config().apiUrl();
  }

  /** What {@code trail status --json} prints for this stack. */
  Map<String, Object> statusJson() {
    return stack.status().toJson();
  }

  /** The home of this stack's state. */
  Path home() {
    return stack.config().home();
  }

  /** The HS256 secret the engine verifies tokens with. */
  byte[] apiSecret() {
    return ApiSecret.loadOrCreate(ApiSecret.file(stack.config().confDir()));
  }

  Map<String, String> postgres() {
    return Map.of(
        "url", stack.config().postgresJdbcUrl(),
        "user", StackConfig.POSTGRES_USER,
        "password", StackConfig.POSTGRES_PASSWORD);
  }

  String kafkaBootstrap() {
    return stack.config().kafkaBootstrap();
  }

  /** The engine's log: the Flink job's state changes are logged there. */
  Path engineLog() {
    return stack.config().logFile(ServiceId.ENGINE);
  }

  /** SIGKILL, as a crash would, then start again and wait until the job runs. */
  void killAndRestartEngine() {
    stack.restart("engine");
  }

  /** SIGKILL of the engine, {@code whileDown} on its stopped store, then start it again. */
  void killEngineAndRestartAfter(Runnable whileDown) {
    stack.restart("engine", whileDown);
  }

  /** The engine's embedded ClickHouse: its data folder and the chDB library that opens it. */
  Path clickHousePath() {
    return stack.config().clickHousePath();
  }

  Path chdbLibrary() {
    return io.activitytrail.stack.Engine.chdbLibrary(stack.config(), System.getenv());
  }

  /** The store's read-only SQL interface: url, user, password. */
  Map<String, String> sqlInterface() {
    var credentials = stack.config().clickHouseHttpCredentials();
    return Map.of(
        "url", stack.config().clickHouseHttpUrl(),
        "user", credentials.user(),
        "password", credentials.password());
  }

  /** The public key the engine signs checkpoints with. */
  Path integrityPublicKey() {
    return stack.config().confDir().resolve(io.activitytrail.integrity.KeyFiles.PUBLIC);
  }
}
