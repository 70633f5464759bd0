package io.activitytrail.schemas;

import java.util.List;
import java.util.stream.Collectors;

/** A schema change that consumers or producers on a published version could not follow. */
public final class IncompatibleSchemaException extends RuntimeException {

  private final List<Incompatibility> incompatibilities;

  public IncompatibleSchemaException(String schema, List<Incompatibility> incompatibilities) {
    super(
        schema
            + " is not FULL_TRANSITIVE compatible with its published versions:\n"
            + incompatibilities.stream().map(i -> "  - " + i).collect(Collectors.joining("\n")));
    this.incompatibilities = List.copyOf(incompatibilities);
  }

  public List<Incompatibility> incompatibilities() {
    return incompatibilities;
  }
}
