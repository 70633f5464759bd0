package io.activitytrail.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The released versions kept under {@code src/main/avro-published/<Name>/v<N>.avsc}. Each file
 * holds the fully resolved schema (named types inlined), so it parses on its own and stays frozen
 * when the sources change.
 */
public final class PublishedSchemas {

  private static final Pattern VERSION_FILE = Pattern.compile("v([1-9][0-9]*)\\.avsc");

  private PublishedSchemas() {}

  /** The names of the top-level schemas that have published versions, sorted. */
  public static List<String> names(Path root) {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list published schemas in " + root, e);
    }
  }

  /**
   * All published versions of one schema, oldest first. A gap in the numbering is an error: a
   * released version was deleted, and the check against it would silently stop.
   */
  public static List<PublishedSchema> load(Path root, String name) {
    Path dir = root.resolve(name);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<PublishedSchema> versions = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        versions.add(new PublishedSchema(name, versionOf(file), parse(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read published schemas in " + dir, e);
    }
    versions.sort(Comparator.comparingInt(PublishedSchema::version));
    for (int i = 0; i < versions.size(); i++) {
      if (versions.get(i).version() != i + 1) {
        throw new IllegalStateException(
            dir
                + ": published versions must be numbered v1, v2, ... without gaps; v"
                + (i + 1)
                + " is missing");
      }
    }
    return List.copyOf(versions);
  }

  /** The file the next version of {@code name} goes to. */
  public static Path nextVersionFile(Path root, String name) {
    return root.resolve(name).resolve("v" + (load(root, name).size() + 1) + ".avsc");
  }

  private static int versionOf(Path file) {
    Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalStateException(
          file + ": a published schema file must be named v<N>.avsc (v1.avsc, v2.avsc, ...)");
    }
    return Integer.parseInt(m.group(1));
  }

  private static Schema parse(Path file) {
    try {
      return new Schema.Parser().parse(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (SchemaParseException e) {
      throw new IllegalStateException(
          file + " is not a self-contained Avro schema (" + e.getMessage() + ")", e);
    }
  }
}
