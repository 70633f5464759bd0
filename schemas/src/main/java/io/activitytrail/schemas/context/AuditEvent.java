package io.activitytrail.schemas.context;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A fact that is not a row change (a login attempt, an export, a download), carried by a {@code
 * trail.event} message: the one definition of that JSON, written by the platform helpers ({@link
 * #toJson}) and read by the pipeline ({@link #readFields}). {@code type} is open: the pipeline
 * keeps unknown types as audit events of that type.
 *
 * @param details what the event is about beyond the named fields, e.g. {@code {"export": "tickets",
 *     "rows": 120}}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "type",
  "workspace_id",
  "occurred_at",
  "actor_type",
  "actor_id",
  "actor_name",
  "ip",
  "user_agent",
  "request_id",
  "reason",
  "record_type",
  "record_id",
  "details"
})
public record AuditEvent(
    String type,
    String workspaceId,
    @JsonIgnore Instant occurredAt,
    ActorType actorType,
    String actorId,
    String actorName,
    String ip,
    String userAgent,
    String requestId,
    String reason,
    String recordType,
    String recordId,
    Map<String, Object> details) {

  public static final String LOGIN_SUCCEEDED = "login_succeeded";
  public static final String LOGIN_FAILED = "login_failed";
  public static final String DATA_EXPORTED = "data_exported";
  public static final String FILE_DOWNLOADED = "file_downloaded";
  public static final String RECORD_VIEWED = "record_viewed";

  /**
   * The {@code trail.event} types the pipeline knows; a platform names its own others in the
   * mapping ({@code event_types}), and the pipeline keeps any type it is sent.
   */
  public static final Set<String> BUILT_IN_TYPES =
      Set.of(LOGIN_SUCCEEDED, LOGIN_FAILED, DATA_EXPORTED, FILE_DOWNLOADED, RECORD_VIEWED);

  /** The fields with a meaning of their own; every other one is a detail. */
  public static final Set<String> NAMED_FIELDS =
      Set.of(
          "type",
          "workspace_id",
          "occurred_at",
          "actor_type",
          "actor_id",
          "actor_name",
          "ip",
          "user_agent",
          "request_id",
          "channel",
          "record_type",
          "record_id");

  // Fixed width, always with milliseconds, always UTC: ISO_INSTANT drops the fraction when it is
  // zero.
  private static final DateTimeFormatter OCCURRED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  public AuditEvent {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("an audit event needs a type, e.g. " + LOGIN_FAILED);
    }
    if (workspaceId == null || workspaceId.isBlank()) {
      throw new IllegalArgumentException("audit event '" + type + "' needs a workspace_id");
    }
    Objects.requireNonNull(occurredAt, "occurred_at");
    details =
        details == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  @JsonProperty("occurred_at")
  String occurredAtForJson() {
    return OCCURRED_AT.format(occurredAt);
  }

  /** The JSON text of the {@code trail.event} message. */
  public String toJson() {
    return ContextMessages.write(this);
  }

  /**
   * Reads {@code trail.event} content as text fields: the named ones, and the details, whether sent
   * under {@code details} (as {@link #toJson} writes them) or at the top level (as a hand-made
   * message may). Nested values become compact JSON; a detail never replaces a named field.
   *
   * @throws MessageFormatException when the content is not a JSON object with a type and a
   *     workspace_id
   */
  public static LinkedHashMap<String, String> readFields(byte[] content) {
    ObjectNode json = ContextMessages.object(content, ContextMessages.EVENT_PREFIX);
    if (!json.hasNonNull("type") || !json.hasNonNull("workspace_id")) {
      throw new MessageFormatException(
          ContextMessages.EVENT_PREFIX
              + " content must be a JSON object with 'type' and 'workspace_id'");
    }
    LinkedHashMap<String, String> fields = new LinkedHashMap<>();
    json.fields()
        .forEachRemaining(
            field -> {
              if (field.getKey().equals("details") && field.getValue().isObject()) {
                return;
              }
              ContextMessages.putText(fields, field.getKey(), field.getValue());
            });
    JsonNode details = json.get("details");
    if (details != null && details.isObject()) {
      details
          .fields()
          .forEachRemaining(
              detail -> {
                if (!fields.containsKey(detail.getKey())) {
                  ContextMessages.putText(fields, detail.getKey(), detail.getValue());
                }
              });
    }
    return fields;
  }

  public static Builder builder(String type, String workspaceId, Instant occurredAt) {
    return new Builder(type, workspaceId, occurredAt);
  }

  /** Fluent builder; every setter accepts null (meaning: not known). */
  public static final class Builder {
    private final String type;
    private final String workspaceId;
    private final Instant occurredAt;
    private ActorType actorType;
    private String actorId;
    private String actorName;
    private String ip;
    private String userAgent;
    private String requestId;
    private String reason;
    private String recordType;
    private String recordId;
    private final Map<String, Object> details = new LinkedHashMap<>();

    private Builder(String type, String workspaceId, Instant occurredAt) {
      this.type = type;
      this.workspaceId = workspaceId;
      this.occurredAt = occurredAt;
    }

    public Builder actor(ActorType type, String id, String name) {
      actorType = type;
      actorId = id;
      actorName = name;
      return this;
    }

    public Builder ip(String v) {
      ip = v;
      return this;
    }

    public Builder userAgent(String v) {
      userAgent = v;
      return this;
    }

    public Builder requestId(String v) {
      requestId = v;
      return this;
    }

    /**
     * Why a login failed or an action was refused, e.g. {@code bad_password}, {@code mfa_failed},
     * {@code locked}.
     */
    public Builder reason(String v) {
      reason = v;
      return this;
    }

    /** The record the event is about, e.g. ({@code file}, attachment id) for a download. */
    public Builder record(String type, String id) {
      recordType = type;
      recordId = id;
      return this;
    }

    /** A detail value: a string, number, boolean, list or map that Jackson can write. */
    public Builder detail(String key, Object value) {
      details.put(Objects.requireNonNull(key, "detail key"), value);
      return this;
    }

    public AuditEvent build() {
      return new AuditEvent(
          type,
          workspaceId,
          occurredAt,
          actorType,
          actorId,
          actorName,
          ip,
          userAgent,
          requestId,
          reason,
          recordType,
          recordId,
          details);
    }
  }
}
