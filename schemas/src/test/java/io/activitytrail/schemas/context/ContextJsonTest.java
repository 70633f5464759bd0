package io.activitytrail.schemas.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The JSON that platforms send")
class ContextJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName(
      "an automation's context names the rule, whom it acts for, and keeps platform-specific fields")
  void automationContext() throws IOException {
    ActorContext ctx =
        ActorContext.automation("rule-7", "Route urgent tickets to Tier 2")
            .requestId("9f0c2a7e-4a61-4f1e-9d1b-2b0c6f1f7a10")
            .onBehalfOf("12")
            .extra("tenant_region", "eu-west")
            .build();

    assertThat(tree(ctx.toJson())).isEqualTo(golden("actor-context-automation.json"));
  }

  @Test
  @DisplayName(
      "an admin impersonating an agent: snake_case names, unknown values left out rather than null")
  void impersonationContext() throws IOException {
    ActorContext ctx =
        ActorContext.user("42", "Dana O'Brien")
            .ip("203.0.113.7")
            .userAgent("Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0")
            .requestId("req-1")
            .impersonatorId("1")
            .build();

    assertThat(tree(ctx.toJson())).isEqualTo(golden("actor-context-impersonation.json"));
  }

  @Test
  @DisplayName("toBuilder copies every field, so a context can be varied per request")
  void toBuilderRoundTrip() {
    ActorContext ctx =
        ActorContext.user("42", "Dana")
            .ip("203.0.113.7")
            .extra("k", "v")
            .impersonatorId("1")
            .build();
    assertThat(ctx.toBuilder().build()).isEqualTo(ctx);
    assertThat(ctx.toBuilder().requestId("r2").build().requestId()).isEqualTo("r2");
  }

  @Test
  @DisplayName("a context without an actor type is refused")
  void actorTypeRequired() {
    assertThatThrownBy(() -> ActorContext.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("actor_type");
  }

  @Test
  @DisplayName("an extra field may not shadow a named one")
  void extraCannotShadowNamedField() {
    assertThatThrownBy(() -> ActorContext.user("1", "A").extra("actor_id", "2").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'actor_id'");
  }

  @Test
  @DisplayName("a failed login carries its reason and a UTC timestamp with milliseconds")
  void loginFailedEvent() throws IOException {
    AuditEvent event =
        AuditEvent.builder(AuditEvent.LOGIN_FAILED, "acme", Instant.parse("2026-03-01T09:15:00Z"))
            .actor(ActorType.USER, "42", "Dana O'Brien")
            .ip("198.51.100.23")
            .userAgent("curl/8.5.0")
            .reason("bad_password")
            .build();

    assertThat(tree(event.toJson())).isEqualTo(golden("audit-event-login-failed.json"));
  }

  @Test
  @DisplayName("an export says what was exported and how many rows, under details")
  void dataExportedEvent() throws IOException {
    AuditEvent event =
        AuditEvent.builder(
                AuditEvent.DATA_EXPORTED, "acme", Instant.parse("2026-03-01T09:15:00.250Z"))
            .actor(ActorType.USER, "1", "Ada Admin")
            .detail("export", "tickets")
            .detail("format", "csv")
            .detail("rows", 120)
            .build();

    assertThat(tree(event.toJson())).isEqualTo(golden("audit-event-data-exported.json"));
  }

  @Test
  @DisplayName(
      "an audit event without a type or a workspace is refused with a message naming what is missing")
  void auditEventNeedsTypeAndWorkspace() {
    Instant now = Instant.now();
    assertThatThrownBy(() -> AuditEvent.builder(" ", "acme", now).build())
        .hasMessageContaining("needs a type");
    assertThatThrownBy(() -> AuditEvent.builder("login_failed", null, now).build())
        .hasMessageContaining("login_failed")
        .hasMessageContaining("workspace_id");
  }

  @Test
  @DisplayName("an event's details cannot be changed after it is built")
  void detailsAreImmutable() {
    AuditEvent event = AuditEvent.builder("x", "acme", Instant.EPOCH).detail("rows", 1).build();
    assertThatThrownBy(() -> event.details().put("rows", 2))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(event.details()).isEqualTo(Map.of("rows", 1));
  }

  @Test
  @DisplayName("the pipeline reads each golden context back into the context that wrote it")
  void goldenContextsReadBack() throws IOException {
    assertThat(ActorContext.fromJson(bytes("actor-context-automation.json")))
        .isEqualTo(
            ActorContext.automation("rule-7", "Route urgent tickets to Tier 2")
                .requestId("9f0c2a7e-4a61-4f1e-9d1b-2b0c6f1f7a10")
                .onBehalfOf("12")
                .extra("tenant_region", "eu-west")
                .build());
    assertThat(ActorContext.fromJson(bytes("actor-context-impersonation.json")))
        .isEqualTo(
            ActorContext.user("42", "Dana O'Brien")
                .ip("203.0.113.7")
                .userAgent("Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0")
                .requestId("req-1")
                .impersonatorId("1")
                .build());
  }

  @Test
  @DisplayName("the pipeline reads a golden event's details as text fields beside the named ones")
  void goldenEventsReadAsFields() throws IOException {
    assertThat(AuditEvent.readFields(bytes("audit-event-data-exported.json")))
        .containsExactly(
            Map.entry("type", "data_exported"),
            Map.entry("workspace_id", "acme"),
            Map.entry("occurred_at", "2026-03-01T09:15:00.250Z"),
            Map.entry("actor_type", "user"),
            Map.entry("actor_id", "1"),
            Map.entry("actor_name", "Ada Admin"),
            Map.entry("export", "tickets"),
            Map.entry("format", "csv"),
            Map.entry("rows", "120"));
    assertThat(AuditEvent.readFields(bytes("audit-event-login-failed.json")))
        .containsEntry("reason", "bad_password")
        .containsEntry("ip", "198.51.100.23")
        .containsEntry("actor_name", "Dana O'Brien");
  }

  @Test
  @DisplayName(
      "details sent at the top level read like details sent under details; none replaces a named field")
  void flatAndNestedDetailsReadAlike() {
    String flat =
        "{\"type\":\"data_exported\",\"workspace_id\":\"acme\",\"rows\":5,\"filter\":{\"type\":[\"created\"]}}";
    String nested =
        "{\"type\":\"data_exported\",\"workspace_id\":\"acme\","
            + "\"details\":{\"rows\":5,\"filter\":{\"type\":[\"created\"]},\"type\":\"other\"}}";
    assertThat(AuditEvent.readFields(utf8(nested)))
        .isEqualTo(AuditEvent.readFields(utf8(flat)))
        .containsEntry("type", "data_exported")
        .containsEntry("filter", "{\"type\":[\"created\"]}");
  }

  @Test
  @DisplayName("a context keeps an actor type and channel it does not know, and unknown fields")
  void openValuesKept() {
    ActorContext ctx =
        ActorContext.fromJson(
            utf8("{\"actor_type\":\"bot\",\"channel\":\"slack\",\"team\":{\"id\":3}}"));
    assertThat(ctx.actorType()).isEqualTo("bot");
    assertThat(ctx.channel()).isEqualTo("slack");
    assertThat(ctx.extra()).containsExactly(Map.entry("team", "{\"id\":3}"));
  }

  @Test
  @DisplayName("malformed messages are refused with a reason naming the prefix")
  void malformedRefused() {
    assertThatThrownBy(() -> ActorContext.fromJson(utf8("{\"actor_type\": ")))
        .isInstanceOf(MessageFormatException.class)
        .hasMessageContaining("trail.context content is not valid JSON");
    assertThatThrownBy(() -> ActorContext.fromJson(utf8("[1]")))
        .hasMessageContaining("trail.context content is not a JSON object");
    assertThatThrownBy(() -> ActorContext.fromJson(utf8("{\"actor_id\":\"1\"}")))
        .hasMessageContaining("needs an actor_type");
    assertThatThrownBy(() -> ActorContext.fromJson(utf8("{\"actor_type\":\"user\",\"ip\":[1]}")))
        .hasMessageContaining("field 'ip' must be a scalar");
    assertThatThrownBy(() -> AuditEvent.readFields(utf8("{\"type\":\"login_failed\"}")))
        .isInstanceOf(MessageFormatException.class)
        .hasMessageContaining("'type' and 'workspace_id'");
    assertThatThrownBy(() -> AuditEvent.readFields(utf8("")))
        .hasMessageContaining("trail.event content is empty");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String golden) throws IOException {
    try (InputStream in = ContextJsonTest.class.getResourceAsStream("/context/" + golden)) {
      assertThat(in).as("golden file /context/" + golden).isNotNull();
      return in.readAllBytes();
    }
  }

  private static JsonNode tree(String json) throws IOException {
    return JSON.readTree(json);
  }

  private static JsonNode golden(String name) throws IOException {
    try (InputStream in = ContextJsonTest.class.getResourceAsStream("/context/" + name)) {
      assertThat(in).as("golden file /context/" + name).isNotNull();
      return JSON.readTree(in);
    }
  }
}
