package io.activitytrail.export;

import java.util.Arrays;
import java.util.Optional;

/** The file formats of an export. */
public enum ExportFormat {
  csv("text/csv; charset=utf-8"),
  jsonl("application/x-ndjson");

  public final String contentType;

  ExportFormat(String contentType) {
    this.contentType = contentType;
  }

  public static Optional<ExportFormat> parse(String name) {
    return Arrays.stream(values()).filter(f -> f.name().equals(name)).findFirst();
  }
}
