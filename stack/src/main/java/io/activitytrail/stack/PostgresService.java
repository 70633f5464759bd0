package io.activitytrail.stack;

import io.activitytrail.ingest.schema.HelpdeskSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * PostgreSQL from the zonky binaries with logical decoding on. PostgreSQL refuses to run as root,
 * so as root initdb and the server run as {@code nobody} through setpriv, owning the data folder.
 */
final class PostgresService implements ManagedService {

  private static final String RUN_AS = "nobody";
  private static final String RUN_AS_GROUP = "nogroup";

  private final StackConfig config;
  private final boolean asRoot;

  PostgresService(StackConfig config) {
    this.config = config;
    this.asRoot = new com.sun.security.auth.module.UnixSystem().getUid() == 0;
  }

  @Override
  public ServiceId id() {
    return ServiceId.POSTGRES;
  }

  @Override
  public Map<Integer, String> ports() {
    return Map.of(config.ports().postgres(), "postgres");
  }

  private Path install() {
    return home().resolve("pg");
  }

  private Path data() {
    return home().resolve("data").resolve("postgres");
  }

  private Path socketDir() {
    return home().resolve("tmp").resolve("postgres");
  }

  /**
   * The stack's home, unless PostgreSQL has to run as nobody and nobody cannot enter the home (a
   * checkout under /root): then a folder of this home's own under /var/tmp, which it can.
   */
  private Path home() {
    if (!asRoot || traversable(config.home())) {
      return config.home();
    }
    return Path.of("/var/tmp/activity-trail", Integer.toHexString(config.home().hashCode()));
  }

  private static boolean traversable(Path dir) {
    for (Path p = dir; p != null; p = p.getParent()) {
      try {
        if (Files.exists(p)
            && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          return false;
        }
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void prepare(Deadline deadline) throws Exception {
    if (!home().equals(config.home())) {
      // Shown in the log named by every error about this piece.
      Files.createDirectories(config.logFile(ServiceId.POSTGRES).getParent());
      Files.writeString(
          config.logFile(ServiceId.POSTGRES),
          "user "
              + RUN_AS
              + " cannot enter "
              + config.home()
              + ": PostgreSQL's binaries and data live in "
              + home()
              + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
    PostgresBinaries.install(install());
    Files.createDirectories(data());
    Files.createDirectories(socketDir());
    if (asRoot) {
      checkTraversable(data());
      chownToRunAs(data());
      chownToRunAs(socketDir());
    }
    if (!Files.exists(data().resolve("PG_VERSION"))) {
      initdb();
    }
    Files.writeString(
        data().resolve("pg_hba.conf"),
        """
        # written by trail up: password logins on loopback only, replication for Debezium
        local all all scram-sha-256
        host all all 127.0.0.1/32 scram-sha-256
        host replication all 127.0.0.1/32 scram-sha-256
        """);
    if (asRoot) {
      chownToRunAs(data().resolve("pg_hba.conf"));
    }
  }

  private void initdb() throws IOException, InterruptedException {
    Path pwfile = socketDir().resolve("initdb.pw");
    Files.writeString(pwfile, StackConfig.POSTGRES_PASSWORD + "\n");
    if (asRoot) {
      chownToRunAs(pwfile);
    }
    try {
      List<String> command = new ArrayList<>(runAsPrefix());
      command.addAll(
          List.of(
              install().resolve("bin/initdb").toString(),
              "-D",
              data().toString(),
              "-U",
              StackConfig.POSTGRES_USER,
              "--pwfile=" + pwfile,
              "--auth=scram-sha-256",
              "--encoding=UTF8",
              "--locale=C",
              "--no-instructions"));
      ProcessControl.runToCompletion(
          command, config.logFile(ServiceId.POSTGRES), Duration.ofMinutes(2));
    } finally {
      Files.deleteIfExists(pwfile);
    }
  }

  @Override
  public List<String> command() {
    List<String> command = new ArrayList<>(runAsPrefix());
    command.add(install().resolve("bin/postgres").toString());
    command.addAll(List.of("-D", data().toString()));
    setting(command, "listen_addresses", "127.0.0.1");
    setting(command, "port", Integer.toString(config.ports().postgres()));
    setting(command, "unix_socket_directories", socketDir().toString());
    setting(command, "wal_level", "logical");
    setting(command, "max_replication_slots", "10");
    setting(command, "max_wal_senders", "10");
    setting(command, "shared_buffers", "64MB");
    command.addAll(new ServiceMarker(id(), config.home()).postgresArguments());
    return command;
  }

  private static void setting(List<String> command, String name, String value) {
    command.add("-c");
    command.add(name + "=" + value);
  }

  @Override
  public Map<String, String> environment() {
    return Map.of("LC_ALL", "C");
  }

  private List<String> runAsPrefix() {
    return asRoot
        ? List.of("setpriv", "--reuid=" + RUN_AS, "--regid=" + RUN_AS_GROUP, "--clear-groups", "--")
        : List.of();
  }

  @Override
  public boolean isReady() throws Exception {
    try (Connection ignored = connect("postgres")) {
      return true;
    }
  }

  @Override
  public void afterReady(Deadline deadline) throws Exception {
    try (Connection c = connect("postgres");
        PreparedStatement exists =
            c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, StackConfig.POSTGRES_DATABASE);
      try (ResultSet rs = exists.executeQuery()) {
        if (!rs.next()) {
          try (Statement create = c.createStatement()) {
            create.execute("CREATE DATABASE " + StackConfig.POSTGRES_DATABASE);
          }
        }
      }
    }
    HelpdeskSchema.migrate(
        config.postgresJdbcUrl(), StackConfig.POSTGRES_USER, StackConfig.POSTGRES_PASSWORD);
  }

  @Override
  public String stopSignal() {
    // SIGTERM waits for every client to leave (Debezium's replication connection may not): fast
    // mode.
    return "INT";
  }

  private Connection connect(String database) throws Exception {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + config.ports().postgres() + "/" + database,
        StackConfig.POSTGRES_USER,
        StackConfig.POSTGRES_PASSWORD);
  }

  private void checkTraversable(Path dir) {
    for (Path p = dir.getParent(); p != null; p = p.getParent()) {
      try {
        if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          throw new StackException(
              "postgres",
              "PostgreSQL runs as user "
                  + RUN_AS
                  + " (it refuses root), which cannot enter "
                  + p
                  + ": allow it (chmod o+x "
                  + p
                  + ") or set TRAIL_HOME to a folder outside it");
        }
      } catch (IOException e) {
        throw new StackException("postgres", null, "cannot read permissions of " + p, e);
      }
    }
  }

  private static void chownToRunAs(Path root) throws IOException {
    UserPrincipalLookupService users = root.getFileSystem().getUserPrincipalLookupService();
    var user = users.lookupPrincipalByName(RUN_AS);
    var group = users.lookupPrincipalByGroupName(RUN_AS_GROUP);
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        if (!view.getOwner().equals(user)) {
          view.setOwner(user);
          view.setGroup(group);
        }
      }
    }
  }
}
