package io.activitytrail.schemas.context;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who makes the changes of one write transaction, as carried by the {@code trail.context} message:
 * the one definition of that JSON, written by the platform helpers ({@link #toJson}) and read by
 * the pipeline ({@link #fromJson}). Snake_case; absent values are left out and read as null.
 *
 * <p>{@code actor_type} and {@code channel} are open on the wire: the builder offers the known
 * values ({@link ActorType}, {@link Channel}), and a reader keeps any other value as given.
 *
 * @param extra platform-specific fields (e.g. {@code tenant_region}); kept by the pipeline as they
 *     are (nested JSON values as compact JSON text)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "actor_type",
  "actor_id",
  "actor_name",
  "ip",
  "user_agent",
  "request_id",
  "channel",
  "rule_id",
  "on_behalf_of",
  "impersonator_id"
})
public record ActorContext(
    String actorType,
    String actorId,
    String actorName,
    String ip,
    String userAgent,
    String requestId,
    String channel,
    String ruleId,
    String onBehalfOf,
    String impersonatorId,
    @JsonIgnore Map<String, String> extra)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  static final Set<String> NAMED_FIELDS =
      Set.of(
          "actor_type",
          "actor_id",
          "actor_name",
          "ip",
          "user_agent",
          "request_id",
          "channel",
          "rule_id",
          "on_behalf_of",
          "impersonator_id");

  public ActorContext {
    if (actorType == null || actorType.isBlank()) {
      throw new MessageFormatException(ContextMessages.CONTEXT_PREFIX + " needs an actor_type");
    }
    // A copy in insertion order (the pipeline stores extras as the platform sent them); a plain
    // LinkedHashMap, as the job's state serializers rebuild it entry by entry.
    extra = new LinkedHashMap<>(extra == null ? Map.of() : extra);
    for (String key : extra.keySet()) {
      if (NAMED_FIELDS.contains(key)) {
        throw new MessageFormatException(
            "extra field '"
                + key
                + "' collides with a named context field; use the builder's setter");
      }
    }
  }

  @JsonAnyGetter
  Map<String, String> extraForJson() {
    return extra;
  }

  public static Builder builder(ActorType actorType) {
    return new Builder(Objects.requireNonNull(actorType, "actor_type is required").wireName());
  }

  /** The JSON text of the {@code trail.context} message. */
  public String toJson() {
    return ContextMessages.write(this);
  }

  /**
   * Reads {@code trail.context} content. Named fields must be scalars; every other field is kept in
   * {@link #extra}.
   *
   * @throws MessageFormatException when the content is not a JSON object with an actor_type
   */
  public static ActorContext fromJson(byte[] content) {
    ObjectNode rest = ContextMessages.object(content, ContextMessages.CONTEXT_PREFIX).deepCopy();
    return new ActorContext(
        take(rest, "actor_type"),
        take(rest, "actor_id"),
        take(rest, "actor_name"),
        take(rest, "ip"),
        take(rest, "user_agent"),
        take(rest, "request_id"),
        take(rest, "channel"),
        take(rest, "rule_id"),
        take(rest, "on_behalf_of"),
        take(rest, "impersonator_id"),
        ContextMessages.texts(rest));
  }

  private static String take(ObjectNode node, String field) {
    JsonNode value = node.remove(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new MessageFormatException(
          ContextMessages.CONTEXT_PREFIX + " field '" + field + "' must be a scalar");
    }
    return value.asText();
  }

  /** A team member acting through the web UI. */
  public static Builder user(String id, String name) {
    return builder(ActorType.USER).actorId(id).actorName(name).channel(Channel.WEB);
  }

  /** An automation rule; {@code ruleId} is also the actor id. */
  public static Builder automation(String ruleId, String ruleName) {
    return builder(ActorType.AUTOMATION)
        .actorId(ruleId)
        .actorName(ruleName)
        .ruleId(ruleId)
        .channel(Channel.RULE);
  }

  public Builder toBuilder() {
    Builder b =
        new Builder(actorType)
            .actorId(actorId)
            .actorName(actorName)
            .ip(ip)
            .userAgent(userAgent)
            .requestId(requestId)
            .channel(channel)
            .ruleId(ruleId)
            .onBehalfOf(onBehalfOf)
            .impersonatorId(impersonatorId);
    extra.forEach(b::extra);
    return b;
  }

  /** Fluent builder; every setter accepts null (meaning: not known). */
  public static final class Builder {
    private final String actorType;
    private String actorId;
    private String actorName;
    private String ip;
    private String userAgent;
    private String requestId;
    private String channel;
    private String ruleId;
    private String onBehalfOf;
    private String impersonatorId;
    private final Map<String, String> extra = new LinkedHashMap<>();

    private Builder(String actorType) {
      this.actorType = actorType;
    }

    public Builder actorId(String v) {
      actorId = v;
      return this;
    }

    public Builder actorName(String v) {
      actorName = v;
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

    public Builder channel(Channel v) {
      return channel(v == null ? null : v.wireName());
    }

    /** A channel by its wire name, for values {@link Channel} does not list. */
    public Builder channel(String wireName) {
      channel = wireName;
      return this;
    }

    public Builder ruleId(String v) {
      ruleId = v;
      return this;
    }

    public Builder onBehalfOf(String v) {
      onBehalfOf = v;
      return this;
    }

    public Builder impersonatorId(String v) {
      impersonatorId = v;
      return this;
    }

    public Builder extra(String key, String value) {
      extra.put(
          Objects.requireNonNull(key, "extra key"), Objects.requireNonNull(value, "extra value"));
      return this;
    }

    public ActorContext build() {
      return new ActorContext(
          actorType,
          actorId,
          actorName,
          ip,
          userAgent,
          requestId,
          channel,
          ruleId,
          onBehalfOf,
          impersonatorId,
          extra);
    }
  }
}
