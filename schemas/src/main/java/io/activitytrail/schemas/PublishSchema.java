package io.activitytrail.schemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The publish step: freezes the current schema as the next {@code v<N>.avsc}, after the same check
 * the build runs.
 *
 * <p>Usage: {@code PublishSchema <published-dir> <Name>...}, e.g. {@code PublishSchema
 * src/main/avro-published ActivityEvent}.
 */
public final class PublishSchema {

  private PublishSchema() {}

  /**
   * Writes {@code candidate} as the next version of its name, unless it equals the newest published
   * version.
   *
   * @return the file written, or empty when there was nothing new to publish
   * @throws IncompatibleSchemaException when any published version and the candidate cannot read
   *     each other
   */
  public static Optional<Path> publish(Path root, Schema candidate) throws IOException {
    List<PublishedSchema> published = PublishedSchemas.load(root, candidate.getName());
    if (!published.isEmpty() && published.get(published.size() - 1).schema().equals(candidate)) {
      return Optional.empty();
    }
    List<Incompatibility> problems = CompatibilityCheck.fullTransitive(candidate, published);
    if (!problems.isEmpty()) {
      throw new IncompatibleSchemaException(candidate.getFullName(), problems);
    }
    Path file = PublishedSchemas.nextVersionFile(root, candidate.getName());
    Files.createDirectories(file.getParent());
    Files.writeString(file, candidate.toString(true) + "\n");
    return Optional.of(file);
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println(
          "usage: PublishSchema <published-dir> <Name>...   (e.g. src/main/avro-published ActivityEvent)");
      System.exit(2);
    }
    Path root = Path.of(args[0]);
    for (int i = 1; i < args.length; i++) {
      String name = args[i];
      Optional<Path> written = publish(root, ContractSchemas.current(name));
      System.out.println(
          written
              .map(file -> name + ": published " + file)
              .orElse(name + ": unchanged since its newest published version"));
    }
  }
}
