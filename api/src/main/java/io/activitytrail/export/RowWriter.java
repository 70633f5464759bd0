package io.activitytrail.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.activitytrail.api.ActivityJson;
import io.activitytrail.api.Role;
import io.activitytrail.event.ActivityEvent;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes activities one at a time in an export format. Nothing is buffered beyond the generator's
 * small buffer, and {@link #finish} flushes without closing the target: the API still has to record
 * the export before it ends the response.
 */
public interface RowWriter {

  void write(ActivityEvent event) throws IOException;

  void finish() throws IOException;

  static RowWriter open(ExportFormat format, Role role, OutputStream out) throws IOException {
    return switch (format) {
      case csv -> new Csv(role, out);
      case jsonl -> new JsonLines(role, out);
    };
  }

  final class Csv implements RowWriter {
    private static final CsvMapper CSV = csvMapper();
    private final Role role;
    private final SequenceWriter rows;

    Csv(Role role, OutputStream out) throws IOException {
      this.role = role;
      CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
      CsvCells.HEADER.forEach(schema::addColumn);
      this.rows = CSV.writer(schema.build()).writeValues(out);
    }

    private static CsvMapper csvMapper() {
      CsvMapper mapper = new CsvMapper();
      mapper.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      return mapper;
    }

    @Override
    public void write(ActivityEvent event) throws IOException {
      rows.write(CsvCells.of(event, role));
    }

    @Override
    public void finish() throws IOException {
      // Closing the sequence writes the header of an empty export; the target stays open.
      rows.close();
    }
  }

  final class JsonLines implements RowWriter {
    private static final ObjectMapper JSON =
        new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private final Role role;
    private final OutputStream out;

    JsonLines(Role role, OutputStream out) {
      this.role = role;
      this.out = out;
    }

    @Override
    public void write(ActivityEvent event) throws IOException {
      out.write(JSON.writeValueAsBytes(ActivityJson.item(event, role)));
      out.write('\n');
    }

    @Override
    public void finish() throws IOException {
      out.flush();
    }
  }
}
