package io.activitytrail.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** --field, --old and --new: events that changed a field, optionally from or to given values. */
final class FieldChangeOptions {

  @Option(
      names = "--field",
      description = "Only events that changed this field, e.g. status (repeatable: any of).")
  List<String> fields;

  @Option(
      names = "--old",
      description =
          "Only changes from this value (repeatable: any of); a hidden field never matches.")
  List<String> olds;

  @Option(
      names = "--new",
      description =
          "Only changes to this value (repeatable: any of); a hidden field never matches.")
  List<String> news;

  ActivityReader.Query addTo(ActivityReader.Query query) {
    return query.addAll("field", fields).addAll("old", olds).addAll("new", news);
  }
}
