package io.activitytrail.export;

import java.util.Arrays;
import java.util.Optional;

/** What an export holds: the feed (category activity) or the audit log (category audit). */
public enum ExportKind {
  activities("activities"),
  audit_events("audit-events");

  /** The name in the API, the command line, the manifest and the file name. */
  public final String label;

  ExportKind(String label) {
    this.label = label;
  }

  public String fileName(ExportFormat format) {
    return label + "." + format.name();
  }

  public static Optional<ExportKind> parse(String label) {
    return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
  }
}
