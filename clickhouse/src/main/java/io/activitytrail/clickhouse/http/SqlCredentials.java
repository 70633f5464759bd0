package io.activitytrail.clickhouse.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The user and password of the embedded store's HTTP interface, in {@code
 * <TRAIL_HOME>/conf/clickhouse-http} (0600, created once with a random password, like the API
 * secret): {@code user=...} and {@code password=...} lines.
 */
public record SqlCredentials(String user, String password) {

  public static final String FILE_NAME = "clickhouse-http";
  public static final String DEFAULT_USER = "trail";

  public SqlCredentials {
    if (user == null || user.isBlank() || password == null || password.isEmpty()) {
      throw new IllegalArgumentException("the SQL interface needs a user and a password");
    }
  }

  public static Path file(Path confDir) {
    return confDir.resolve(FILE_NAME);
  }

  /** Whether {@code user} and {@code password} are these, compared in constant time. */
  public boolean accepts(String user, String password) {
    boolean sameUser = MessageDigest.isEqual(bytes(this.user), bytes(user == null ? "" : user));
    boolean samePassword =
        MessageDigest.isEqual(bytes(this.password), bytes(password == null ? "" : password));
    return sameUser & samePassword;
  }

  /** Reads the file, creating it first with a random password when there is none. */
  public static SqlCredentials loadOrCreate(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try {
        create(file);
      } catch (FileAlreadyExistsException e) {
        // made earlier, or by another process just now: read it
      }
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create or read " + file, e);
    }
  }

  public static SqlCredentials read(Path file) {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the SQL credentials " + file, e);
    }
    return new SqlCredentials(p.getProperty("user"), p.getProperty("password"));
  }

  private static void create(Path file) throws IOException {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String text =
        "# The embedded ClickHouse's HTTP interface (read-only). Made by the engine; keep private.\n"
            + "user="
            + DEFAULT_USER
            + "\npassword="
            + Base64.getUrlEncoder().withoutPadding().encodeToString(random)
            + "\n";
    // Written whole into a private temp file, then linked into place: a reader never sees half a
    // file, and the link fails when another process made the file first.
    Path temp =
        Files.createTempFile(
            file.toAbsolutePath().getParent(),
            FILE_NAME,
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.createLink(file, temp);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
