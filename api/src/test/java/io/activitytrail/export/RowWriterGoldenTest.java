package io.activitytrail.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.activitytrail.api.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RowWriterGoldenTest {

  private static final Instant BASE = Instant.parse("2026-03-04T10:15:30.123Z");

  private static String written(ExportFormat format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RowWriter writer = RowWriter.open(format, Role.auditor, out);
    writer.write(Fixtures.activity("acme", BASE, 0, false));
    writer.write(Fixtures.activity("acme", BASE, 1, true));
    writer.finish();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = RowWriterGoldenTest.class.getResourceAsStream("/export/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  @DisplayName("CSV has a header, flat columns, quoted commas and quotes, hidden sensitive values")
  void csvGolden() throws IOException {
    assertThat(written(ExportFormat.csv)).isEqualTo(golden("activities.csv"));
  }

  @Test
  @DisplayName("JSON Lines holds one API item per line")
  void jsonLinesGolden() throws IOException {
    assertThat(written(ExportFormat.jsonl)).isEqualTo(golden("activities.jsonl"));
  }

  @Test
  @DisplayName(
      "a CSV cell starting with = + - @ gets a leading apostrophe, others stay as they are")
  void formulaCells() {
    assertThat(CsvCells.cell("=1+1")).isEqualTo("'=1+1");
    assertThat(CsvCells.cell("+49 30")).isEqualTo("'+49 30");
    assertThat(CsvCells.cell("-2")).isEqualTo("'-2");
    assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCells.cell("Printer =on fire")).isEqualTo("Printer =on fire");
    assertThat(CsvCells.cell("")).isEmpty();
    assertThat(CsvCells.cell(null)).isNull();
  }

  @Test
  @DisplayName("the row counter counts rows, not newlines inside quoted CSV cells, nor the header")
  void rowCounter() {
    RowCounter counter = new RowCounter(ExportFormat.csv);
    byte[] csv = "a,b\n1,\"two\nlines\"\n2,x\n".getBytes(StandardCharsets.UTF_8);
    counter.accept(csv, 0, 7);
    counter.accept(csv, 7, csv.length - 7);
    assertThat(counter.rows()).isEqualTo(2);
  }
}
