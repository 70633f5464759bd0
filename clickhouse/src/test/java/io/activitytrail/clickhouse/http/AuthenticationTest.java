package io.activitytrail.clickhouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Credentials in each way ClickHouse's HTTP interface takes them; wrong ones are refused. */
class AuthenticationTest {

  private static final String USER = SqlInterface.CREDENTIALS.user();
  private static final String PASSWORD = SqlInterface.CREDENTIALS.password();

  @Test
  @DisplayName("HTTP basic auth is accepted")
  void basic() {
    HttpResponse<String> r =
        Requests.send(
            HttpRequest.newBuilder(Requests.uri(Map.of()))
                .header("Authorization", Requests.basic(USER, PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString("SELECT 1")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("1\n");
  }

  @Test
  @DisplayName("X-ClickHouse-User and X-ClickHouse-Key headers are accepted")
  void headers() {
    HttpResponse<String> r =
        Requests.send(
            HttpRequest.newBuilder(Requests.uri(Map.of("query", "SELECT 2")))
                .header("X-ClickHouse-User", USER)
                .header("X-ClickHouse-Key", PASSWORD)
                .GET());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("2\n");
  }

  @Test
  @DisplayName("user and password URL parameters are accepted")
  void urlParameters() {
    HttpResponse<String> r =
        Requests.send(
            HttpRequest.newBuilder(
                    Requests.uri(Map.of("user", USER, "password", PASSWORD, "query", "SELECT 3")))
                .GET());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("3\n");
  }

  @Test
  @DisplayName("a wrong password, a wrong user and no credentials get AUTHENTICATION_FAILED (403)")
  void wrongCredentials() {
    for (HttpRequest.Builder request :
        new HttpRequest.Builder[] {
          HttpRequest.newBuilder(Requests.uri(Map.of("query", "SELECT 1")))
              .header("Authorization", Requests.basic(USER, PASSWORD + "x")),
          HttpRequest.newBuilder(Requests.uri(Map.of("query", "SELECT 1")))
              .header("X-ClickHouse-User", "default")
              .header("X-ClickHouse-Key", PASSWORD),
          HttpRequest.newBuilder(Requests.uri(Map.of("query", "SELECT 1"))),
          HttpRequest.newBuilder(
              Requests.uri(Map.of("user", USER, "password", "", "query", "SELECT 1")))
        }) {
      HttpResponse<String> r = Requests.send(request.GET());
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.headers().firstValue("X-ClickHouse-Exception-Code")).hasValue("516");
      assertThat(r.body()).startsWith("Code: 516. DB::Exception: ").doesNotContain("1\n");
    }
  }

  @Test
  @DisplayName("/ping answers without credentials, as a server's does")
  void ping() {
    HttpResponse<String> r =
        Requests.send(
            HttpRequest.newBuilder(java.net.URI.create(SqlInterface.url() + "/ping")).GET());
    assertThat(r.body()).isEqualTo("Ok.\n");
  }
}
