package io.activitytrail.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HS256 secret of the local stack, in {@code <TRAIL_HOME>/conf/api-secret} (0600). The engine
 * and {@code trail token} both call {@link #loadOrCreate}, whichever runs first creates it. The key
 * is the UTF-8 text of the file (trimmed), the usual convention for shared JWT secrets, so the same
 * file works with any JWT library on the platform's side.
 */
public final class ApiSecret {

  public static final String FILE_NAME = "api-secret";

  /** HS256 needs a key of at least 256 bits. */
  static final int MIN_BYTES = 32;

  private ApiSecret() {}

  public static Path file(Path confDir) {
    return confDir.resolve(FILE_NAME);
  }

  public static byte[] loadOrCreate(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try {
        create(file);
      } catch (FileAlreadyExistsException e) {
        // someone else made it first: read theirs
      }
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create or read the API secret " + file, e);
    }
  }

  /** Reads a secret file made by this class or by the platform; refuses one too short for HS256. */
  public static byte[] read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JWT secret file " + file, e);
    }
    byte[] key = text.getBytes(StandardCharsets.UTF_8);
    if (key.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "the JWT secret in "
              + file
              + " has "
              + key.length
              + " bytes; HS256 needs at least "
              + MIN_BYTES);
    }
    return key;
  }

  private static void create(Path file) throws IOException {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n";
    // Written complete into a private temp file, then linked into place: a concurrent reader never
    // sees a half-written secret, and a link fails when the name already exists (the other wins).
    Path temp =
        Files.createTempFile(
            file.toAbsolutePath().getParent(),
            FILE_NAME,
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(temp, secret, StandardCharsets.UTF_8);
      Files.createLink(file, temp);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
