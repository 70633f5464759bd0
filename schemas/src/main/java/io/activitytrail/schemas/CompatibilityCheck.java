package io.activitytrail.schemas;

import io.activitytrail.schemas.Incompatibility.Direction;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * FULL_TRANSITIVE compatibility, as a registry configured that way would enforce it: the candidate
 * must read data written with every published version, and every published version must read data
 * written with the candidate. Both directions matter because producers and consumers of the
 * activity topics upgrade independently, and old records stay on the topics (and in replays) long
 * after a new version ships.
 */
public final class CompatibilityCheck {

  private CompatibilityCheck() {}

  /**
   * Every incompatibility of {@code candidate} with the published versions; empty when it may be
   * published.
   */
  public static List<Incompatibility> fullTransitive(
      Schema candidate, List<PublishedSchema> published) {
    List<Incompatibility> found = new ArrayList<>();
    for (PublishedSchema version : published) {
      found.addAll(
          oneWay(candidate, version.schema(), version, Direction.CANDIDATE_READS_PUBLISHED));
      found.addAll(
          oneWay(version.schema(), candidate, version, Direction.PUBLISHED_READS_CANDIDATE));
    }
    return List.copyOf(found);
  }

  private static List<Incompatibility> oneWay(
      Schema reader, Schema writer, PublishedSchema version, Direction direction) {
    SchemaPairCompatibility pair =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    return pair.getResult().getIncompatibilities().stream()
        .map(
            problem ->
                new Incompatibility(
                    version,
                    direction,
                    FieldPath.of(reader, problem.getLocation()),
                    problem.getType(),
                    problem.getMessage()))
        .toList();
  }
}
