package io.activitytrail.ingest.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
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

    assertThat(tree(TrailContext.toJson(ctx))).isEqualTo(golden("actor-context-automation.json"));
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

    assertThat(tree(TrailContext.toJson(ctx)))
        .isEqualTo(golden("actor-context-impersonation.json"));
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

    assertThat(tree(TrailContext.toJson(event))).isEqualTo(golden("audit-event-login-failed.json"));
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

    assertThat(tree(TrailContext.toJson(event)))
        .isEqualTo(golden("audit-event-data-exported.json"));
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
