package io.activitytrail.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Recomputes an export folder's hashes against its manifest. */
public final class ManifestVerifier {

  private ManifestVerifier() {}

  /** Problems found, one sentence each; empty when every file matches. */
  public static List<String> verify(Path folder) throws IOException {
    Manifest manifest = ManifestJson.readFrom(folder);
    List<String> problems = new ArrayList<>();
    for (Manifest.ExportFile file : manifest.files()) {
      Path path = folder.resolve(file.name()).normalize();
      if (!path.startsWith(folder.normalize())) {
        problems.add(file.name() + ": names a file outside the export folder");
      } else if (!Files.isRegularFile(path)) {
        problems.add(file.name() + ": missing");
      } else {
        String actual = sha256(path);
        if (!actual.equals(file.sha256())) {
          problems.add(
              file.name() + ": SHA-256 is " + actual + ", the manifest says " + file.sha256());
        } else if (Files.size(path) != file.bytes()) {
          problems.add(
              file.name() + ": " + Files.size(path) + " bytes, the manifest says " + file.bytes());
        }
      }
    }
    return problems;
  }

  public static String sha256(Path file) throws IOException {
    MessageDigest digest = Exporter.sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
