package io.activitytrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Every bad parameter gets 400 with a JSON error naming it (cases in a fixture file). */
class ApiParametersTest {

  private static TestApi api;

  @BeforeAll
  static void start() {
    api = TestApi.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @CsvFileSource(resources = "/fixtures/bad-parameters.csv", numLinesToSkip = 1, delimiter = '|')
  void badParameter(String pathAndQuery, String parameter) {
    TestApi.Answer answer = api.get(pathAndQuery, TestApi.token("acme", Role.admin));
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().get("parameter").asText()).isEqualTo(parameter);
    assertThat(answer.json().get("error").asText()).isNotBlank();
  }
}
