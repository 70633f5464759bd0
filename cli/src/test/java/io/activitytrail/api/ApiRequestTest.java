package io.activitytrail.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiRequestTest {

  @Test
  @DisplayName("the feed path gives the workspace and the default limit of 50")
  void feed() {
    assertThat(ApiRequest.parse("/v1/workspaces/acme/activities", null))
        .contains(new ApiRequest.Feed("acme", 50));
  }

  @Test
  @DisplayName("the timeline path decodes percent-escapes in its segments and reads limit")
  void timeline() {
    assertThat(ApiRequest.parse("/v1/workspaces/ac%20me/records/ticket/42/timeline", "limit=5"))
        .contains(new ApiRequest.Timeline("ac me", "ticket", "42", 5));
  }

  @ParameterizedTest
  @ValueSource(strings = {"limit=0", "limit=501", "limit=ten", "limit="})
  @DisplayName("a limit outside 1-500 or not a number is a bad parameter named 'limit'")
  void badLimit(String query) {
    assertThatThrownBy(() -> ApiRequest.parse("/v1/workspaces/acme/activities", query))
        .isInstanceOfSatisfying(
            ApiRequest.BadParameter.class, e -> assertThat(e.parameter()).isEqualTo("limit"));
  }

  @Test
  @DisplayName("unknown paths match no endpoint")
  void unknown() {
    assertThat(ApiRequest.parse("/v1/workspaces/acme", null)).isEmpty();
    assertThat(ApiRequest.parse("/v2/workspaces/acme/activities", null)).isEmpty();
    assertThat(ApiRequest.parse("/health", null)).contains(new ApiRequest.Health());
  }
}
