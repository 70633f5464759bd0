package io.activitytrail.clickhouse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.activitytrail.clickhouse.ActivityColumns.Column;
import io.activitytrail.event.ActivityEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Events to rows of the {@code activity} table and back, by the one column descriptor {@link
 * ActivityColumns}. Rows are written straight from the event to JSONEachRow bytes, without a map
 * per row: bulk loads spent more time building and walking maps than ClickHouse spent inserting.
 */
public final class ActivityRows {

  /** The columns {@link #toJsonEachRow} writes, in order (all but the table's own defaults). */
  public static final List<String> COLUMNS = ActivityColumns.NAMES;

  private static final JsonFactory JSON = new JsonFactory();

  private ActivityRows() {}

  /** The events as JSONEachRow lines with exactly {@link #COLUMNS}. */
  public static byte[] toJsonEachRow(List<ActivityEvent> events) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, events.size() * 640));
    try (JsonGenerator g = JSON.createGenerator(out)) {
      // One object per line: the generator's default separator between roots is a space.
      g.setRootValueSeparator(null);
      for (ActivityEvent event : events) {
        g.writeStartObject();
        for (Column column : ActivityColumns.ALL) {
          g.writeFieldName(column.name());
          column.writer().write(g, event);
        }
        g.writeEndObject();
        g.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write activity rows: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /**
   * The event a row of the {@code activity} table holds (a row read with at least {@link
   * #COLUMNS}).
   */
  public static ActivityEvent fromRow(Map<String, Object> row) {
    ActivityColumns.Builders builders = new ActivityColumns.Builders();
    for (Column column : ActivityColumns.ALL) {
      if (!row.containsKey(column.name())) {
        throw new IllegalArgumentException(
            "activity row lacks column " + column.name() + ": " + row.keySet());
      }
      column.reader().read(row.get(column.name()), builders);
    }
    return builders.build();
  }

  /**
   * The event a {@code payload} of the page tables holds (V004): the activity row as one
   * JSONEachRow object. A column the payload lacks (written before the column existed) reads as
   * null.
   */
  public static ActivityEvent fromPayload(byte[] payload) {
    List<Map<String, Object>> rows = JsonEachRow.parse(payload);
    if (rows.size() != 1) {
      throw new IllegalArgumentException(
          "an activity payload holds one JSON object, found " + rows.size());
    }
    Map<String, Object> row = rows.get(0);
    for (String column : COLUMNS) {
      row.putIfAbsent(column, null);
    }
    return fromRow(row);
  }
}
