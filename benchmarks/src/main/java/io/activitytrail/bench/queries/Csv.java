package io.activitytrail.bench.queries;

/** PostgreSQL COPY csv rows: null is an empty unquoted field, every value is quoted. */
final class Csv {

  private Csv() {}

  static void row(StringBuilder out, Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      if (values[i] != null) {
        out.append('"').append(values[i].toString().replace("\"", "\"\"")).append('"');
      }
    }
    out.append('\n');
  }
}
