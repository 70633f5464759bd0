package io.activitytrail.schemas;

import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * One reason why data written with one schema cannot be read with another.
 *
 * @param against the published version the candidate was checked against
 * @param direction which of the two schemas was the reader
 * @param field dotted path of the field in the reader schema ({@code source.lsn}, {@code
 *     changes[].old}); empty for the record itself
 * @param type Avro's classification of the problem
 * @param reason Avro's explanation
 */
public record Incompatibility(
    PublishedSchema against,
    Direction direction,
    String field,
    SchemaIncompatibilityType type,
    String reason) {

  public enum Direction {
    /** Consumers on the candidate schema read records written with the published one. */
    CANDIDATE_READS_PUBLISHED,
    /** Consumers still on the published schema read records written with the candidate. */
    PUBLISHED_READS_CANDIDATE
  }

  @Override
  public String toString() {
    String where = field.isEmpty() ? "(record)" : field;
    return against.label() + ", " + direction + ": " + where + ": " + type + ": " + reason;
  }
}
