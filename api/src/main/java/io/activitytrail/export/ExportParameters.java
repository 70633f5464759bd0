package io.activitytrail.export;

import io.activitytrail.api.BadParameter;
import io.activitytrail.api.QueryString;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The export endpoint's own parameters: kind (required) and format (default csv). Pure. */
public record ExportParameters(ExportKind kind, ExportFormat format) {

  public static ExportParameters parse(String rawQuery) {
    QueryString q = QueryString.parse(rawQuery);
    String kind = q.single("kind");
    if (kind == null) {
      throw new BadParameter("kind", "kind is required: activities or audit-events");
    }
    ExportKind k =
        ExportKind.parse(kind)
            .orElseThrow(
                () ->
                    new BadParameter(
                        "kind", "kind must be activities or audit-events, got '" + kind + "'"));
    String format = q.single("format");
    ExportFormat f =
        format == null
            ? ExportFormat.csv
            : ExportFormat.parse(format)
                .orElseThrow(
                    () ->
                        new BadParameter(
                            "format",
                            "format must be "
                                + Arrays.stream(ExportFormat.values())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(" or "))
                                + ", got '"
                                + format
                                + "'"));
    return new ExportParameters(k, f);
  }
}
