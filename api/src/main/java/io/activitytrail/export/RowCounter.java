package io.activitytrail.export;

/**
 * Counts the rows of a CSV or JSON Lines stream as its bytes go by, for the progress line: a row
 * ends at a newline outside double quotes (a CSV cell may hold newlines; JSON escapes them, and its
 * quotes come in pairs on one line, so the same rule holds). The CSV header is not a row.
 */
public final class RowCounter {

  private final boolean header;
  private boolean quoted;
  private long lines;

  public RowCounter(ExportFormat format) {
    this.header = format == ExportFormat.csv;
  }

  public void accept(byte[] bytes, int off, int len) {
    for (int i = off; i < off + len; i++) {
      byte b = bytes[i];
      if (b == '"') {
        quoted = !quoted;
      } else if (b == '\n' && !quoted) {
        lines++;
      }
    }
  }

  public long rows() {
    return header ? Math.max(0, lines - 1) : lines;
  }
}
