package io.activitytrail.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.FieldChange;
import io.activitytrail.event.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bytes of an event a leaf hashes: what happened, by whom, where in the commit stream, as
 * compact JSON with sorted keys (one spelling per event). Left out: what a replay of the same
 * change may change without changing the event ({@code processed_at}; the Kafka topic, partition
 * and offset it was read from) and the retention policy, which is storage, not history. Everything
 * else is in, the workspace too, so an event moved to another workspace no longer matches its leaf.
 * Pure.
 */
public final class CanonicalEvent {

  /** Bumped when the bytes change: a checkpoint says which version its leaves used. */
  public static final int VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private CanonicalEvent() {}

  public static byte[] bytes(ActivityEvent e) {
    Map<String, Object> m = new TreeMap<>();
    m.put("v", VERSION);
    m.put("event_id", e.getEventId());
    m.put("change_id", e.getChangeId());
    m.put("workspace_id", e.getWorkspaceId());
    m.put("occurred_at", e.getOccurredAt().toEpochMilli());
    m.put("category", e.getCategory().name());
    m.put("type", e.getType());
    m.put("record_type", e.getRecordType());
    m.put("record_id", e.getRecordId());
    m.put("record_display", e.getRecordDisplay());
    m.put("parent_record_type", e.getParentRecordType());
    m.put("parent_record_id", e.getParentRecordId());
    m.put("actor", actor(e.getActor()));
    List<Object> changes = new ArrayList<>();
    for (FieldChange c : e.getChanges()) {
      Map<String, Object> change = new TreeMap<>();
      change.put("field", c.getField());
      change.put("old", c.getOld());
      change.put("new", c.getNew$());
      change.put("old_display", c.getOldDisplay());
      change.put("new_display", c.getNewDisplay());
      change.put("sensitive", c.getSensitive());
      changes.add(change);
    }
    m.put("changes", changes);
    m.put("details", new TreeMap<>(e.getDetails()));
    m.put("transaction_id", e.getTransactionId());
    SourcePosition s = e.getSource();
    Map<String, Object> source = new TreeMap<>();
    source.put("connector", s.getConnector());
    source.put("schema", s.getSchema$());
    source.put("table", s.getTable());
    source.put("lsn", s.getLsn());
    source.put("tx_order", s.getTxOrder());
    m.put("source", source);
    try {
      return JSON.writeValueAsBytes(m);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot write an event's canonical bytes", ex);
    }
  }

  /** The leaf of the event: {@link MerkleTree#leafHash} of its canonical bytes. */
  public static byte[] leaf(ActivityEvent e) {
    return MerkleTree.leafHash(bytes(e));
  }

  private static Map<String, Object> actor(Actor a) {
    Map<String, Object> m = new TreeMap<>();
    m.put("type", a.getType());
    m.put("id", a.getId());
    m.put("name", a.getName());
    m.put("ip", a.getIp());
    m.put("user_agent", a.getUserAgent());
    m.put("request_id", a.getRequestId());
    m.put("channel", a.getChannel());
    m.put("rule_id", a.getRuleId());
    m.put("on_behalf_of", a.getOnBehalfOf());
    m.put("impersonator_id", a.getImpersonatorId());
    m.put("source", a.getSource());
    m.put("db_user", a.getDbUser());
    m.put("extra", new TreeMap<>(a.getExtra()));
    return m;
  }
}
