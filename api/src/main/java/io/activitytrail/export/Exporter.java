package io.activitytrail.export;

import io.activitytrail.api.Role;
import io.activitytrail.clickhouse.ActivityQueries;
import io.activitytrail.event.ActivityEvent;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Streams the rows of an export query into an output: each page of {@link ActivityQueries#stream}
 * goes straight to the writer, so memory holds one page whatever the row count. The bytes are
 * hashed and counted on their way out, so the manifest describes exactly what was sent.
 */
public final class Exporter {

  private final ActivityQueries queries;

  public Exporter(ActivityQueries queries) {
    this.queries = queries;
  }

  /** Writes the rows to {@code out}, flushed but left open. */
  public ExportResult export(ExportQuery query, ExportFormat format, Role role, OutputStream out)
      throws IOException {
    MessageDigest sha256 = sha256();
    Counting counted = new Counting(new DigestOutputStream(out, sha256));
    RowWriter writer = RowWriter.open(format, role, counted);
    Tally tally = new Tally();
    try {
      query.stream(
          queries,
          event -> {
            try {
              writer.write(event);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            tally.add(event);
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writer.finish();
    counted.flush();
    return new ExportResult(
        tally.rows,
        HexFormat.of().formatHex(sha256.digest()),
        counted.bytes,
        tally.first,
        tally.last);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static final class Tally {
    long rows;
    Instant first;
    Instant last;

    void add(ActivityEvent e) {
      rows++;
      if (first == null) {
        first = e.getOccurredAt();
      }
      last = e.getOccurredAt();
    }
  }

  /** Counts bytes; passes whole arrays through (FilterOutputStream would write byte by byte). */
  private static final class Counting extends FilterOutputStream {
    long bytes;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      bytes += len;
    }

    @Override
    public void close() {
      // The caller owns the target: it stays open after the export.
    }
  }
}
