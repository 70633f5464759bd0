package io.activitytrail.ingest.context;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who makes the changes of one write transaction, as carried by the {@code trail.context} message.
 * Serialized as snake_case JSON; absent values are left out (the pipeline reads a missing field as
 * null).
 *
 * @param extra platform-specific fields (e.g. {@code tenant_region}); kept by the pipeline as they
 *     are
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
    ActorType actorType,
    String actorId,
    String actorName,
    String ip,
    String userAgent,
    String requestId,
    Channel channel,
    String ruleId,
    String onBehalfOf,
    String impersonatorId,
    @JsonIgnore Map<String, String> extra) {

  private static final Set<String> NAMED_FIELDS =
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
    Objects.requireNonNull(actorType, "actor_type is required");
    extra = Map.copyOf(extra == null ? Map.of() : extra);
    for (String key : extra.keySet()) {
      if (NAMED_FIELDS.contains(key)) {
        throw new IllegalArgumentException(
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
    return new Builder(actorType);
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
        builder(actorType)
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
    private final ActorType actorType;
    private String actorId;
    private String actorName;
    private String ip;
    private String userAgent;
    private String requestId;
    private Channel channel;
    private String ruleId;
    private String onBehalfOf;
    private String impersonatorId;
    private final Map<String, String> extra = new LinkedHashMap<>();

    private Builder(ActorType actorType) {
      this.actorType = Objects.requireNonNull(actorType, "actor_type is required");
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
      channel = v;
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
