package io.activitytrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activitytrail.mapping.Taxonomy;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServiceEndpointsTest {

  private static TestApi api;

  @BeforeAll
  static void start() {
    api = TestApi.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  @DisplayName(
      "the served OpenAPI document names every route and exactly the query parameters"
          + " each accepts")
  void openApiMatchesTheServer() {
    TestApi.Answer answer = api.get("/openapi.json", null);
    assertThat(answer.status()).isEqualTo(200);
    JsonNode doc = answer.json();
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    for (Route.Kind kind : Route.Kind.values()) {
      assertThat(doc.get("paths").has(kind.template)).as(kind.template).isTrue();
    }
    assertThat(queryParameters(doc, Route.Kind.FEED)).isEqualTo(ReadRequest.FEED_PARAMETERS);
    assertThat(queryParameters(doc, Route.Kind.AUDIT)).isEqualTo(ReadRequest.AUDIT_PARAMETERS);
    assertThat(queryParameters(doc, Route.Kind.TIMELINE))
        .isEqualTo(ReadRequest.TIMELINE_PARAMETERS);
    assertThat(api.get("/openapi.yaml", null).body()).startsWith("openapi: 3.");
  }

  @Test
  @DisplayName("the document's type and record type enums are the loaded mapping's taxonomy")
  void openApiEnumsAreTheTaxonomy() {
    JsonNode schemas = api.get("/openapi.json", null).json().get("components").get("schemas");
    assertThat(strings(schemas.get("Type").get("enum"))).isEqualTo(TestApi.TAXONOMY.types());
    assertThat(strings(schemas.get("RecordType").get("enum")))
        .isEqualTo(TestApi.TAXONOMY.recordTypes());
  }

  @Test
  @DisplayName("the checked-in OpenAPI file documents the bundled mapping's taxonomy")
  void openApiFileMatchesTheBundledMapping() throws Exception {
    JsonNode file;
    try (var in = OpenApiDocument.class.getResourceAsStream(OpenApiDocument.RESOURCE)) {
      file = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(in);
    }
    JsonNode schemas = file.at("/components/schemas");
    assertThat(strings(schemas.get("Type").get("enum"))).isEqualTo(TestApi.TAXONOMY.types());
    assertThat(strings(schemas.get("RecordType").get("enum")))
        .isEqualTo(TestApi.TAXONOMY.recordTypes());
  }

  @Test
  @DisplayName("an API over a platform's own mapping accepts its types and serves them as enums")
  void ownMapping() {
    Taxonomy crm =
        new Taxonomy(Set.of("deal_opened", "created"), Set.of("sso_login"), Set.of("deal"));
    try (TestApi own = TestApi.start(TokenVerifier.hs256(TestApi.SECRET), crm)) {
      String token = TestApi.token("acme", Role.admin);
      assertThat(own.get("/v1/workspaces/acme/activities?type=deal_opened", token).status())
          .isEqualTo(200);
      assertThat(own.get("/v1/workspaces/acme/audit-events?type=sso_login", token).status())
          .isEqualTo(200);
      assertThat(own.get("/v1/workspaces/acme/records/deal/7/timeline", token).status())
          .isEqualTo(200);
      TestApi.Answer ticket = own.get("/v1/workspaces/acme/activities?type=assigned", token);
      assertThat(ticket.status()).isEqualTo(400);
      assertThat(ticket.json().get("parameter").asText()).isEqualTo("type");
      JsonNode schemas = own.get("/openapi.json", null).json().at("/components/schemas");
      assertThat(strings(schemas.get("RecordType").get("enum"))).containsExactly("deal");
    }
  }

  @Test
  @DisplayName("/metrics counts requests and observes latency per route template and status")
  void metrics() {
    api.get("/v1/workspaces/acme/activities", TestApi.token("acme", Role.member));
    api.get("/v1/workspaces/acme/activities?limit=0", TestApi.token("acme", Role.member));
    api.get("/v1/workspaces/acme/activities", null);
    String text = api.get("/metrics", null).body();
    String route = "route=\"/v1/workspaces/{ws}/activities\"";
    assertThat(text)
        .contains("trail_api_requests_total{method=\"GET\"," + route + ",status=\"200\"} 1.0")
        .contains("trail_api_requests_total{method=\"GET\"," + route + ",status=\"400\"} 1.0")
        .contains("trail_api_requests_total{method=\"GET\"," + route + ",status=\"401\"} 1.0")
        .contains("trail_api_request_duration_seconds_count{" + route + ",status=\"200\"} 1")
        .contains(
            "trail_api_request_duration_seconds_bucket{" + route + ",status=\"200\",le=\"0.02\"}")
        .doesNotContain("acme");
  }

  @Test
  @DisplayName("/health answers 200 with status ok while the job runs")
  void health() {
    TestApi.Answer answer = api.get("/health", null);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("status").asText()).isEqualTo("ok");
  }

  @Test
  @DisplayName("an unknown path is 404, another method 405")
  void unknownPathAndMethod() {
    assertThat(api.get("/v1/workspaces/acme", null).status()).isEqualTo(404);
    assertThat(api.get("/v2/workspaces/acme/activities", null).status()).isEqualTo(404);
  }

  private static Set<String> queryParameters(JsonNode doc, Route.Kind kind) {
    Set<String> names = new HashSet<>();
    for (JsonNode p : doc.get("paths").get(kind.template).get("get").get("parameters")) {
      JsonNode resolved = p.has("$ref") ? resolve(doc, p.get("$ref").asText()) : p;
      if (resolved.get("in").asText().equals("query")) {
        names.add(resolved.get("name").asText());
      }
    }
    return names;
  }

  private static JsonNode resolve(JsonNode doc, String ref) {
    return doc.at(ref.substring(1));
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> values = new HashSet<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
