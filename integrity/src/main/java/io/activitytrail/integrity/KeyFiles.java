package io.activitytrail.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Base64;

/**
 * The signing key pair as two files of base64: the private key (PKCS#8, mode 0600) and the public
 * key (X.509), which verifiers get. The local stack makes them once under {@code .trail/conf}.
 */
public final class KeyFiles {
  public static final String PRIVATE = "integrity-key";
  public static final String PUBLIC = "integrity-key.pub";

  private KeyFiles() {}

  public static byte[] read(Path file) {
    try {
      return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the key file " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + " is not base64: " + e.getMessage(), e);
    }
  }

  /** Makes the pair in {@code dir} unless its private key exists; returns the private key file. */
  public static Path ensure(Path dir) {
    Path privateFile = dir.resolve(PRIVATE);
    if (Files.isRegularFile(privateFile)) {
      return privateFile;
    }
    KeyPair pair = Keys.generate();
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(PRIVATE + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(
          tmp, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n");
      Files.writeString(
          dir.resolve(PUBLIC),
          Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n");
      Files.move(tmp, privateFile);
      return privateFile;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the signing key under " + dir, e);
    }
  }
}
