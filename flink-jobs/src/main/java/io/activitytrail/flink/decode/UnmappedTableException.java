package io.activitytrail.flink.decode;

/**
 * A change of a captured table the mapping does not describe: usually a table added to the
 * publication before the mapping. Its own class so it is counted apart ({@code reason
 * unmapped_table}): it calls for a mapping change, not a look at the data.
 */
public final class UnmappedTableException extends DecodeException {
  public UnmappedTableException(String message) {
    super(message);
  }
}
