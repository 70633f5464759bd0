package io.activitytrail.export;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress display (rows, megabytes, rows per second), redrawn in place with a carriage
 * return at most a few times a second; silent when the output is not a terminal, so logs and pipes
 * stay clean.
 */
public final class ProgressLine {

  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintStream out;
  private final boolean enabled;
  private final long started = System.nanoTime();
  private long lastDrawn;

  public ProgressLine(PrintStream out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  public void update(long rows, long bytes) {
    long now = System.nanoTime();
    if (enabled && now - lastDrawn >= REDRAW_NANOS) {
      lastDrawn = now;
      out.print("\r" + text(rows, bytes, now - started));
      out.flush();
    }
  }

  public void done(long rows, long bytes) {
    if (enabled) {
      out.println("\r" + text(rows, bytes, System.nanoTime() - started));
    }
  }

  /** Pure, for tests: e.g. {@code "12,000 rows 3.4 MB 6,000 rows/s"}. */
  public static String text(long rows, long bytes, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
    return String.format(
        Locale.ROOT,
        "%,d rows  %.1f MB  %,d rows/s   ",
        rows,
        bytes / 1e6,
        Math.round(rows / seconds));
  }
}
