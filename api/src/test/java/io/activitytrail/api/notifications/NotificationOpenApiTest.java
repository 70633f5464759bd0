package io.activitytrail.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activitytrail.api.TestApi;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NotificationOpenApiTest {

  private static TestApi api;
  private static JsonNode doc;

  @BeforeAll
  static void start() {
    api = TestApi.start();
    doc = api.get("/openapi.json", null).json();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  @DisplayName(
      "the served OpenAPI document names each notification route with its one method and exactly"
          + " the query parameters it accepts")
  void routesAndParameters() {
    assertThat(queryParameters(NotificationRoutes.LIST_TEMPLATE, "get"))
        .isEqualTo(NotificationRequest.LIST_PARAMETERS);
    assertThat(queryParameters(NotificationRoutes.UNREAD_COUNT_TEMPLATE, "get")).isEmpty();
    assertThat(queryParameters(NotificationRoutes.MARK_READ_TEMPLATE, "post")).isEmpty();
    for (NotificationPath.Endpoint endpoint : NotificationPath.Endpoint.values()) {
      JsonNode path = doc.get("paths").get(endpoint.template);
      assertThat(path).as(endpoint.template).isNotNull();
      assertThat(path.fieldNames()).toIterable().containsExactly(endpoint.method.toLowerCase());
    }
  }

  @Test
  @DisplayName("the read request's schema names exactly the fields the route accepts")
  void markReadBody() {
    JsonNode schema = doc.at("/components/schemas/MarkRead");
    Set<String> fields = new HashSet<>();
    schema.get("properties").fieldNames().forEachRemaining(fields::add);
    assertThat(fields).isEqualTo(NotificationRequest.MARK_READ_FIELDS);
    assertThat(schema.at("/properties/ids/maxItems").asInt())
        .isEqualTo(io.activitytrail.clickhouse.NotificationQueries.MAX_READ_IDS);
  }

  private static Set<String> queryParameters(String template, String method) {
    Set<String> names = new HashSet<>();
    for (JsonNode p : doc.get("paths").get(template).get(method).get("parameters")) {
      JsonNode resolved = p.has("$ref") ? doc.at(p.get("$ref").asText().substring(1)) : p;
      if (resolved.get("in").asText().equals("query")) {
        names.add(resolved.get("name").asText());
      }
    }
    return names;
  }
}
