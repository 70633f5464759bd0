package io.activitytrail.clickhouse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.activitytrail.integrity.Checkpoint;
import io.activitytrail.integrity.LeafEntry;
import io.activitytrail.integrity.Verifier.SignedInterval;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Signed checkpoints to and from rows of {@code integrity_checkpoints} (V012). */
public final class CheckpointRows {

  /** The columns {@link #toJsonEachRow} writes, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "workspace_id",
          "number",
          "tree_size",
          "root",
          "previous",
          "last_occurred_at",
          "issued_at",
          "key_id",
          "signature",
          "entry_seqs",
          "entry_event_ids",
          "entry_leaves",
          "entry_expires_at");

  private static final JsonFactory JSON = new JsonFactory();
  private static final HexFormat HEX = HexFormat.of();

  private CheckpointRows() {}

  public static byte[] toJsonEachRow(List<SignedInterval> intervals) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, intervals.size() * 600));
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setRootValueSeparator(null);
      for (SignedInterval interval : intervals) {
        Checkpoint c = interval.checkpoint();
        g.writeStartObject();
        g.writeStringField("workspace_id", c.workspaceId());
        g.writeNumberField("number", c.number());
        g.writeNumberField("tree_size", c.treeSize());
        g.writeStringField("root", HEX.formatHex(c.root()));
        g.writeStringField("previous", HEX.formatHex(c.previous()));
        if (c.lastOccurredAt() == null) {
          g.writeNullField("last_occurred_at");
        } else {
          g.writeStringField(
              "last_occurred_at", ActivityColumns.formatTime(c.lastOccurredAt().toEpochMilli()));
        }
        g.writeStringField("issued_at", ActivityColumns.formatTime(c.issuedAt().toEpochMilli()));
        g.writeStringField("key_id", c.keyId());
        g.writeStringField("signature", Base64.getEncoder().encodeToString(c.signature()));
        g.writeArrayFieldStart("entry_seqs");
        for (LeafEntry e : interval.entries()) {
          g.writeNumber(e.seq());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("entry_event_ids");
        for (LeafEntry e : interval.entries()) {
          g.writeString(e.eventId());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("entry_leaves");
        for (LeafEntry e : interval.entries()) {
          g.writeString(HEX.formatHex(e.leaf()));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("entry_expires_at");
        for (LeafEntry e : interval.entries()) {
          if (e.expiresAt() == null) {
            g.writeNull();
          } else {
            g.writeString(ActivityColumns.formatTime(e.expiresAt().toEpochMilli()));
          }
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint rows: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /**
   * A row read with at least {@link #COLUMNS} (JSONEachRow), or a checkpoint alone as the API
   * serves it (no entry columns: no entries), e.g. one a reader kept to pin.
   */
  public static SignedInterval fromRow(Map<String, Object> row) {
    List<?> seqs = (List<?>) row.getOrDefault("entry_seqs", List.of());
    List<?> ids = (List<?>) row.getOrDefault("entry_event_ids", List.of());
    List<?> leaves = (List<?>) row.getOrDefault("entry_leaves", List.of());
    List<?> expires = (List<?>) row.getOrDefault("entry_expires_at", List.of());
    List<LeafEntry> entries = new ArrayList<>(seqs.size());
    for (int i = 0; i < seqs.size(); i++) {
      entries.add(
          new LeafEntry(
              number(seqs.get(i)),
              (String) ids.get(i),
              HEX.parseHex((String) leaves.get(i)),
              expires.get(i) == null ? null : ActivityColumns.parseTime(expires.get(i))));
    }
    Object last = row.get("last_occurred_at");
    return new SignedInterval(
        new Checkpoint(
            (String) row.get("workspace_id"),
            number(row.get("number")),
            number(row.get("tree_size")),
            HEX.parseHex((String) row.get("root")),
            HEX.parseHex((String) row.get("previous")),
            last == null ? null : ActivityColumns.parseTime(last),
            ActivityColumns.parseTime(row.get("issued_at")),
            (String) row.get("key_id"),
            Base64.getDecoder().decode((String) row.get("signature"))),
        entries);
  }

  /** The checkpoint alone, as the API serves it: the row without its entries. */
  public static Map<String, Object> checkpointJson(Checkpoint c) {
    Map<String, Object> row =
        JsonEachRow.parse(toJsonEachRow(List.of(new SignedInterval(c, List.of())))).get(0);
    row.keySet().removeIf(column -> column.startsWith("entry_"));
    return row;
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
  }

  /** When the newest event a checkpoint covers was committed (for the sink's lag). */
  public static Instant committedAt(SignedInterval interval) {
    Instant last = interval.checkpoint().lastOccurredAt();
    return last == null ? interval.checkpoint().issuedAt() : last;
  }
}
