package io.activitytrail.flink.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activitytrail.flink.attribution.Attributed;
import io.activitytrail.flink.decode.AppEvent;
import io.activitytrail.flink.decode.Decoded;
import io.activitytrail.flink.decode.RowChange;
import io.activitytrail.flink.decode.TransactionBoundary;

/**
 * A decoded event as JSON for a dead letter: {@code {"kind": "RowChange", "event": {...},
 * "context": {...}}}, each record's components as fields (column values as {@code {"kind",
 * "text"}}).
 */
public final class EventJson {
  // records only by their components: no is-getters such as ColumnValue.isNull()
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(MapperFeature.AUTO_DETECT_IS_GETTERS).build();

  private EventJson() {}

  public static byte[] of(Attributed attributed) {
    ObjectNode node = JSON.createObjectNode();
    node.put("kind", attributed.event().getClass().getSimpleName());
    node.set("event", JSON.valueToTree(attributed.event()));
    node.set("context", JSON.valueToTree(attributed.context()));
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a decoded event as JSON", e);
    }
  }

  /** The event's commit time, epoch millis; 0 when it carries none. */
  static long commitTime(Decoded event) {
    if (event instanceof RowChange change) {
      return change.commitTimeMillis();
    }
    if (event instanceof AppEvent appEvent) {
      return appEvent.commitTimeMillis();
    }
    return event instanceof TransactionBoundary boundary ? boundary.tsMillis() : 0;
  }
}
