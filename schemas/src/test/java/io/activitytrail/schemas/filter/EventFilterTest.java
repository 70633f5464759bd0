package io.activitytrail.schemas.filter;

import static io.activitytrail.schemas.filter.Events.change;
import static io.activitytrail.schemas.filter.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activitytrail.event.ActivityEvent;
import io.activitytrail.event.FieldChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventFilterTest {

  private static final Instant T = Instant.parse("2026-03-04T10:00:00Z");

  private static final ActivityEvent SOLVED =
      event(
          "status_changed",
          "ticket",
          "u1",
          "10.0.0.1",
          T,
          List.of(change("priority", "low", "high"), change("status", "open", "solved")));
  private static final ActivityEvent LOGIN_FAILED =
      event("login_failed", "team_member", "u2", "10.0.0.2", T.plusSeconds(60), List.of());

  private static EventFilter parse(String json) {
    return EventFilterJson.parse(json);
  }

  @Test
  @DisplayName("the empty filter matches every event")
  void emptyMatchesAll() {
    assertThat(parse("{}").matches(SOLVED)).isTrue();
    assertThat(EventFilter.ALL.matches(LOGIN_FAILED)).isTrue();
  }

  @Test
  @DisplayName("a key's values are alternatives; different keys must all hold")
  void anyOfWithinAKeyAllOfAcrossKeys() {
    assertThat(parse("{\"type\": [\"login_failed\", \"status_changed\"]}").matches(SOLVED))
        .isTrue();
    assertThat(parse("{\"type\": \"status_changed\", \"actor\": \"u2\"}").matches(SOLVED))
        .isFalse();
    assertThat(parse("{\"record_type\": \"ticket\", \"ip\": \"10.0.0.1\"}").matches(SOLVED))
        .isTrue();
    assertThat(parse("{\"ip\": \"10.0.0.1\"}").matches(LOGIN_FAILED)).isFalse();
  }

  @Test
  @DisplayName("outcome failure is a type ending in _failed, success any other")
  void outcome() {
    assertThat(parse("{\"outcome\": \"failure\"}").matches(LOGIN_FAILED)).isTrue();
    assertThat(parse("{\"outcome\": \"failure\"}").matches(SOLVED)).isFalse();
    assertThat(parse("{\"outcome\": \"success\"}").matches(SOLVED)).isTrue();
    assertThat(parse("{\"outcome\": [\"success\", \"failure\"]}")).isEqualTo(EventFilter.ALL);
  }

  @Test
  @DisplayName("from is inclusive and to exclusive, on commit time")
  void timeBounds() {
    assertThat(parse("{\"from\": \"2026-03-04T10:00:00Z\"}").matches(SOLVED)).isTrue();
    assertThat(parse("{\"to\": \"2026-03-04T10:00:00Z\"}").matches(SOLVED)).isFalse();
    assertThat(parse("{\"to\": \"2026-03-04T10:00:00.001Z\"}").matches(SOLVED)).isTrue();
    assertThat(parse("{\"from\": \"2026-03-05\"}").matches(SOLVED)).isFalse();
  }

  @Test
  @DisplayName("field, old and new must hold for the same change")
  void changeConditionsOnOneChange() {
    assertThat(parse("{\"field\": \"status\", \"new\": \"solved\"}").matches(SOLVED)).isTrue();
    assertThat(parse("{\"field\": \"priority\", \"new\": \"solved\"}").matches(SOLVED)).isFalse();
    assertThat(parse("{\"old\": \"low\", \"new\": \"high\"}").matches(SOLVED)).isTrue();
    assertThat(parse("{\"old\": \"low\", \"new\": \"solved\"}").matches(SOLVED)).isFalse();
    assertThat(parse("{\"field\": \"status\"}").matches(LOGIN_FAILED)).isFalse();
  }

  @Test
  @DisplayName("a sensitive change matches by its name, never by old or new, values or not")
  void sensitiveChange() {
    FieldChange hidden = FieldChange.newBuilder().setField("password").setSensitive(true).build();
    FieldChange withValues =
        FieldChange.newBuilder(change("token", "a", "b")).setSensitive(true).build();
    ActivityEvent event =
        event("updated", "team_member", "u1", null, T, List.of(hidden, withValues));
    assertThat(parse("{\"field\": \"password\"}").matches(event)).isTrue();
    assertThat(parse("{\"field\": \"password\", \"new\": \"x\"}").matches(event)).isFalse();
    assertThat(parse("{\"field\": \"token\"}").matches(event)).isTrue();
    assertThat(parse("{\"new\": \"b\"}").matches(event)).isFalse();
    assertThat(parse("{\"old\": \"a\"}").matches(event)).isFalse();
  }

  @Test
  @DisplayName(
      "the JSON form writes one value as a string, several as a sorted list, and reads back")
  void jsonRoundTrip() {
    EventFilter filter =
        parse(
            "{\"type\": [\"status_changed\", \"assigned\"], \"field\": \"status\","
                + " \"new\": \"solved\", \"from\": \"2026-03-04\"}");
    assertThat(EventFilterJson.write(filter))
        .isEqualTo(
            "{\"type\":[\"assigned\",\"status_changed\"],\"from\":\"2026-03-04T00:00:00Z\","
                + "\"field\":\"status\",\"new\":\"solved\"}");
    assertThat(parse(EventFilterJson.write(filter))).isEqualTo(filter);
  }

  @Test
  @DisplayName("the query parameters and the JSON form build the same filter")
  void parametersAndJsonAgree() {
    EventFilter fromParameters =
        EventFilterJson.fromParameters(
            Map.of(
                "type",
                List.of("role_changed"),
                "field",
                List.of("role"),
                "new",
                List.of("admin", "owner")));
    assertThat(fromParameters)
        .isEqualTo(
            parse(
                "{\"type\": \"role_changed\", \"field\": \"role\", \"new\": [\"owner\", \"admin\"]}"));
    assertThat(EventFilterJson.toParameters(fromParameters))
        .containsExactly(
            Map.entry("type", List.of("role_changed")),
            Map.entry("field", List.of("role")),
            Map.entry("new", List.of("admin", "owner")));
  }

  @Test
  @DisplayName("invalid filters name the key at fault")
  void invalidFilters() {
    assertThatThrownBy(() -> parse("{\"colour\": \"red\"}"))
        .isInstanceOfSatisfying(
            InvalidFilterException.class, e -> assertThat(e.key()).isEqualTo("colour"))
        .hasMessageContaining("unknown filter key 'colour'");
    assertThatThrownBy(() -> parse("{\"type\": 3}"))
        .hasMessage("type must be a string or a list of strings, got 3");
    assertThatThrownBy(() -> parse("{\"outcome\": \"maybe\"}"))
        .hasMessage("outcome must be success or failure, got 'maybe'");
    assertThatThrownBy(() -> parse("{\"from\": \"yesterday\"}"))
        .hasMessageStartingWith("from must be an ISO-8601 time");
    assertThatThrownBy(() -> parse("{\"from\": \"2026-03-05\", \"to\": \"2026-03-04\"}"))
        .isInstanceOfSatisfying(
            InvalidFilterException.class, e -> assertThat(e.key()).isEqualTo("from"));
    assertThatThrownBy(() -> parse("{\"to\": [\"2026-03-05\", \"2026-03-06\"]}"))
        .hasMessageContaining("to takes one value");
    assertThatThrownBy(() -> parse("[]")).hasMessageContaining("must be a JSON object");
  }
}
