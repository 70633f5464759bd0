package io.activitytrail.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.Actor;
import io.activitytrail.event.Category;
import io.activitytrail.event.SourcePosition;
import io.activitytrail.integrity.Verifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code data_exported} audit event that records an export. Pure: its id is a name-based UUID
 * of the export id, so recording the same export twice leaves one event (the table collapses copies
 * by event id).
 */
public final class ExportAudit {

  public static final String TYPE = "data_exported";

  /**
   * Marks events the API wrote itself rather than the pipeline (not a Debezium connector); no
   * signed checkpoint covers them yet, and {@code trail verify} counts them apart.
   */
  static final String SOURCE_CONNECTOR = Verifier.WRITTEN_BY_API;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ExportAudit() {}

  public static String eventId(String exportId) {
    return UUID.nameUUIDFromBytes((TYPE + "|" + exportId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /**
   * @param ip the requester's address as the API saw it, null when unknown
   */
  public static ActivityEvent event(Manifest manifest, String ip, String userAgent, Instant at) {
    String id = eventId(manifest.exportId());
    Map<String, String> details = new LinkedHashMap<>();
    details.put("export_id", manifest.exportId());
    details.put("kind", manifest.kind());
    details.put("format", manifest.format());
    details.put("filter", json(manifest.filter()));
    details.put("rows", Long.toString(manifest.rows()));
    // The whole manifest, so GET .../exports/{id} answers from the audit log alone.
    details.put("manifest", ManifestJson.write(manifest));
    return ActivityEvent.newBuilder()
        .setEventId(id)
        .setChangeId(id)
        .setWorkspaceId(manifest.workspaceId())
        .setOccurredAt(at)
        .setProcessedAt(at)
        .setCategory(Category.audit)
        .setType(TYPE)
        .setRecordType("workspace")
        .setRecordId(manifest.workspaceId())
        .setRecordDisplay(null)
        .setParentRecordType(null)
        .setParentRecordId(null)
        .setActor(
            Actor.newBuilder()
                .setType("user")
                .setId(manifest.requestedBy().userId())
                .setName(null)
                .setIp(ip)
                .setUserAgent(userAgent)
                .setRequestId(manifest.exportId())
                .setChannel("api")
                .setRuleId(null)
                .setOnBehalfOf(null)
                .setImpersonatorId(null)
                .setSource("context")
                .setDbUser(null)
                .setExtra(Map.of("role", manifest.requestedBy().role()))
                .build())
        .setChanges(List.of())
        .setDetails(details)
        .setTransactionId(null)
        .setSource(
            SourcePosition.newBuilder()
                .setConnector(SOURCE_CONNECTOR)
                .setSchema$(null)
                .setTable(null)
                .setLsn(0L)
                .setTxOrder(0L)
                .setTopic("")
                .setPartition(0)
                .setOffset(0L)
                .build())
        .setRetentionDays(null)
        .build();
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
